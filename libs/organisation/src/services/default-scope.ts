import { Role } from '../entities/role';

/** Someone's access role and where they work: what their default managed scope follows. */
export interface Placement {
  role: Role;
  storeId: number;
  /** The region of their store. */
  regionId: number;
}

/** The stores and regions someone manages now. */
export interface CurrentScope {
  storeIds: number[];
  regionIds: number[];
}

const isOnly = (list: number[], expected: number) => list.length === 1 && list[0] === expected;

/**
 * Whether a change of access role or store resets what someone manages to the default of
 * their new place (their store, or its region; nothing for non-managers). A role change
 * always does. A manager transferred without one takes their scope along only when it was
 * the default one — a scope set by hand (several stores) is left for HR to change.
 */
export function takesDefaultScope(before: Placement, after: Placement, current: CurrentScope): boolean {
  if (before.role !== after.role) return true;
  if (after.role === Role.STORE_MANAGER) {
    return before.storeId !== after.storeId && isOnly(current.storeIds, before.storeId);
  }
  if (after.role === Role.REGIONAL_MANAGER) {
    return before.regionId !== after.regionId && isOnly(current.regionIds, before.regionId);
  }
  return false;
}
