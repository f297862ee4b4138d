import type { AccessScope } from '@lp/organisation';

/** Which stores a report covers: always the caller's scope, optionally narrowed. */
export interface StoreSelection {
  scope: AccessScope;
  storeIds?: number[];
  regionId?: number;
  /**
   * Only stores that are open (closed_on NULL): the current rankings and rollups. Reports of
   * named stores and of past days (snapshot trends) keep closed ones, whose history they are.
   */
  openOnly?: boolean;
}

export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The selection as a condition over a `stores` row aliased `s`, with named parameters.
 * Every report goes through it, so no total can include a store outside the scope.
 */
export function storeCondition(selection: StoreSelection): SqlFragment {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const { scope } = selection;
  if (scope.kind === 'self') conditions.push('1 = 0');
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) conditions.push('1 = 0');
    else conditions.push('s.region_id IN (:...scopeRegionIds)');
    params.scopeRegionIds = scope.regionIds;
  }
  if (scope.kind === 'stores') {
    if (scope.storeIds.length === 0) conditions.push('1 = 0');
    else conditions.push('s.id IN (:...scopeStoreIds)');
    params.scopeStoreIds = scope.storeIds;
  }
  if (selection.storeIds !== undefined) {
    if (selection.storeIds.length === 0) conditions.push('1 = 0');
    else conditions.push('s.id IN (:...selectedStoreIds)');
    params.selectedStoreIds = selection.storeIds;
  }
  if (selection.regionId !== undefined) {
    conditions.push('s.region_id = :selectedRegionId');
    params.selectedRegionId = selection.regionId;
  }
  if (selection.openOnly) conditions.push('s.closed_on IS NULL');
  return { sql: conditions.length ? conditions.join(' AND ') : '1 = 1', params };
}
