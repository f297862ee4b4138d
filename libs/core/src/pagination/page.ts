import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Keyset pagination over an increasing id: stable while rows are added, cheap at any depth. */
export interface PageRequest {
  first: number;
  afterId?: number;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * Runs the count and one page of a query ordered by `idColumn`: oldest first, or newest
 * first (`DESC`, e.g. for logs), the cursor then continuing below `afterId`.
 *
 * The query's joins must each match at most one row (a certification's holder, an
 * assignment's employee): it counts and limits rows, as plain SQL. TypeORM's own count
 * and `take` assume joins may repeat the entity, and pay for it with COUNT(DISTINCT …) and
 * a derived table of every matching id: 2 s for a chain-wide page of 1,000,000 assignments.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  idColumn: string,
  request: PageRequest,
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const counted = await query.clone().select('COUNT(*)', 'total').orderBy().getRawOne<{ total: string | number }>();
  const pageQuery = query
    .clone()
    .orderBy(idColumn, direction)
    .limit(request.first + 1);
  if (request.afterId !== undefined) {
    pageQuery.andWhere(`${idColumn} ${direction === 'ASC' ? '>' : '<'} :afterId`, { afterId: request.afterId });
  }
  const rows = await pageQuery.getMany();
  return {
    items: rows.slice(0, request.first),
    hasNextPage: rows.length > request.first,
    totalCount: Number(counted?.total ?? 0),
  };
}
