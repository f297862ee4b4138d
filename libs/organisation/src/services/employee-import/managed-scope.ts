import { Role } from '../../entities/role';
import { takesDefaultScope } from '../default-scope';
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

/**
 * The managed stores and regions an import sets: new managers get the default; updates
 * follow `takesDefaultScope`, as changes through the API do.
 */
export function plannedScopes(
  hires: (EmployeeRecord & { id: number })[],
  updates: PlannedUpdate[],
  current: CurrentScopes,
  regionOfStore: Map<number, number>,
): ManagedScope[] {
  const placement = (record: EmployeeRecord) => ({
    role: record.role,
    storeId: record.storeId,
    regionId: regionOfStore.get(record.storeId)!,
  });
  const scopes = hires
    .filter((hire) => hire.role === Role.STORE_MANAGER || hire.role === Role.REGIONAL_MANAGER)
    .map((hire) => defaultScope(hire.id, hire, regionOfStore));
  for (const { before, after } of updates) {
    const scopeNow = {
      storeIds: current.storesOf.get(before.id) ?? [],
      regionIds: current.regionsOf.get(before.id) ?? [],
    };
    if (takesDefaultScope(placement(before), placement(after), scopeNow)) {
      scopes.push(defaultScope(before.id, after, regionOfStore));
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
