import type { Role } from '../gql/graphql';

/** Access roles by weight, lowest first: a manager invites only people below them. */
const ROLE_ORDER: Role[] = ['EMPLOYEE', 'STORE_MANAGER', 'REGIONAL_MANAGER', 'HR', 'ADMIN'];

/** Whether someone with `role` may send `personRole` an invite and read theirs, as the API decides it (resendInvite). */
export function mayInvite(role: Role, personRole: Role): boolean {
  if (role === 'ADMIN') return true;
  if (personRole === 'ADMIN') return false;
  return role === 'HR' || ROLE_ORDER.indexOf(personRole) < ROLE_ORDER.indexOf(role);
}
