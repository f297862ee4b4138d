import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Role } from '../entities/role';

/**
 * What part of the chain someone may see, by their access role:
 * everything (HR, ADMIN), the stores of some regions (regional managers), some stores
 * (store managers), or only themselves (employees).
 */
export type AccessScope =
  | { kind: 'chain' }
  | { kind: 'regions'; regionIds: number[] }
  | { kind: 'stores'; storeIds: number[] }
  | { kind: 'self'; employeeId: number };

export interface ScopedPerson {
  id: number;
  role: Role;
  managedStoreIds: number[];
  managedRegionIds: number[];
}

export function accessScopeOf(person: ScopedPerson): AccessScope {
  switch (person.role) {
    case Role.ADMIN:
    case Role.HR:
      return { kind: 'chain' };
    case Role.REGIONAL_MANAGER:
      return { kind: 'regions', regionIds: person.managedRegionIds };
    case Role.STORE_MANAGER:
      return { kind: 'stores', storeIds: person.managedStoreIds };
    case Role.EMPLOYEE:
      return { kind: 'self', employeeId: person.id };
  }
}

/** Whether a store (with its region) lies inside the scope; `self` never covers a whole store. */
export function scopeCoversStore(scope: AccessScope, store: { id: number; regionId: number }): boolean {
  switch (scope.kind) {
    case 'chain':
      return true;
    case 'regions':
      return scope.regionIds.includes(store.regionId);
    case 'stores':
      return scope.storeIds.includes(store.id);
    case 'self':
      return false;
  }
}

export function scopeCoversRegion(scope: AccessScope, regionId: number): boolean {
  return scope.kind === 'chain' || (scope.kind === 'regions' && scope.regionIds.includes(regionId));
}

/** Whether restrictToScope reads the rows' store column: only store and region scopes do. */
export function scopeReadsStores(scope: AccessScope): boolean {
  return scope.kind === 'stores' || scope.kind === 'regions';
}

/**
 * Restricts a query to the scope. `storeColumn` names the store id column of the rows;
 * `employeeColumn`, when given, lets `self` see their own rows (otherwise `self` sees none).
 */
export function restrictToScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: AccessScope,
  columns: { storeColumn: string; employeeColumn?: string },
): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'chain':
      return query;
    case 'regions':
      if (scope.regionIds.length === 0) return query.andWhere('1 = 0');
      return query.andWhere(
        `${columns.storeColumn} IN (SELECT scope_store.id FROM stores scope_store WHERE scope_store.region_id IN (:...scopeRegionIds))`,
        { scopeRegionIds: scope.regionIds },
      );
    case 'stores':
      if (scope.storeIds.length === 0) return query.andWhere('1 = 0');
      return query.andWhere(`${columns.storeColumn} IN (:...scopeStoreIds)`, { scopeStoreIds: scope.storeIds });
    case 'self':
      if (!columns.employeeColumn) return query.andWhere('1 = 0');
      return query.andWhere(`${columns.employeeColumn} = :scopeEmployeeId`, { scopeEmployeeId: scope.employeeId });
  }
}

/** The scope as a function over any query with a store column, for libraries that cannot know AccessScope. */
export function storeRestrictionOf(scope: AccessScope) {
  return <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, storeColumn: string): SelectQueryBuilder<T> =>
    restrictToScope(query, scope, { storeColumn });
}
