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

/** Runs the count and one page of a query ordered by `idColumn`. */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  idColumn: string,
  request: PageRequest,
): Promise<Page<T>> {
  const totalCount = await query.clone().getCount();
  const pageQuery = query
    .clone()
    .orderBy(idColumn, 'ASC')
    .take(request.first + 1);
  if (request.afterId !== undefined) pageQuery.andWhere(`${idColumn} > :afterId`, { afterId: request.afterId });
  const rows = await pageQuery.getMany();
  return { items: rows.slice(0, request.first), hasNextPage: rows.length > request.first, totalCount };
}
