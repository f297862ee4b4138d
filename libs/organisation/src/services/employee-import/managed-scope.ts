import { Role } from '../../entities/role';
import type { EmployeeRecord, PlannedUpdate } from './import-plan';

export interface ManagedScope {
  employeeId: number;
  storeIds: number[];
  regionIds: number[];
}

export interface CurrentScopes {
  storesOf: Map<number, number[]>;
  regionsOf: Map<number, number[]>;
}

/** What a manager runs by default, as when hired through the API: their store, or its region. */
function defaultScope(employeeId: number, record: EmployeeRecord, regionOfStore: Map<number, number>): ManagedScope {
  if (record.role === Role.STORE_MANAGER) return { employeeId, storeIds: [record.storeId], regionIds: [] };
  if (record.role === Role.REGIONAL_MANAGER) {
    return { employeeId, storeIds: [], regionIds: [regionOfStore.get(record.storeId)!] };
  }
  return { employeeId, storeIds: [], regionIds: [] };
}

const sameList = (list: number[] | undefined, expected: number) => list?.length === 1 && list[0] === expected;

/**
 * The managed stores and regions an import sets. New managers get the default; a role
 * change resets to the new role's default (none for non-managers). A manager transferred
 * without a role change takes their scope along only when it was the default one — a
 * scope set by hand through the API (several stores) is left for HR to change.
 */
export function plannedScopes(
  hires: (EmployeeRecord & { id: number })[],
  updates: PlannedUpdate[],
  current: CurrentScopes,
  regionOfStore: Map<number, number>,
): ManagedScope[] {
  const scopes = hires
    .filter((hire) => hire.role === Role.STORE_MANAGER || hire.role === Role.REGIONAL_MANAGER)
    .map((hire) => defaultScope(hire.id, hire, regionOfStore));
  for (const { before, after } of updates) {
    if (before.role !== after.role) {
      scopes.push(defaultScope(before.id, after, regionOfStore));
    } else if (after.role === Role.STORE_MANAGER && before.storeId !== after.storeId) {
      if (sameList(current.storesOf.get(before.id), before.storeId))
        scopes.push(defaultScope(before.id, after, regionOfStore));
    } else if (after.role === Role.REGIONAL_MANAGER) {
      const from = regionOfStore.get(before.storeId)!;
      const to = regionOfStore.get(after.storeId)!;
      if (from !== to && sameList(current.regionsOf.get(before.id), from)) {
        scopes.push(defaultScope(before.id, after, regionOfStore));
      }
    }
  }
  return scopes;
}

/** The managers whose current scope `plannedScopes` needs to see. */
export function managersToCheck(updates: PlannedUpdate[]): number[] {
  return updates
    .filter(
      ({ before, after }) =>
        before.role === after.role &&
        (after.role === Role.STORE_MANAGER || after.role === Role.REGIONAL_MANAGER) &&
        before.storeId !== after.storeId,
    )
    .map(({ before }) => before.id);
}
