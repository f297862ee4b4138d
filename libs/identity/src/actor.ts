import { type AccessScope, accessScopeOf, Role } from '@lp/organisation';

/** The signed-in person behind a request, with the part of the chain they may see. */
export class Actor {
  readonly scope: AccessScope;

  constructor(
    readonly id: number,
    readonly role: Role,
    readonly storeId: number,
    readonly managedStoreIds: number[],
    readonly managedRegionIds: number[],
  ) {
    this.scope = accessScopeOf({ id, role, managedStoreIds, managedRegionIds });
  }

  hasRole(...roles: Role[]): boolean {
    return roles.includes(this.role);
  }
}
