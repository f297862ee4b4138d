/** Access roles, from least to most privileged. Job roles (Cashier, LP Officer…) are data, not this. */
export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  STORE_MANAGER = 'STORE_MANAGER',
  REGIONAL_MANAGER = 'REGIONAL_MANAGER',
  HR = 'HR',
  ADMIN = 'ADMIN',
}

export const ROLES = Object.values(Role);
