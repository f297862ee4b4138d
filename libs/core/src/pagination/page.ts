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
  const pageQuery = query.clone().orderBy(idColumn, direction);
  if (request.afterId !== undefined) {
    pageQuery.andWhere(`${idColumn} ${direction === 'ASC' ? '>' : '<'} :afterId`, { afterId: request.afterId });
  }
  return readPage(query, pageQuery, request);
}

/** What a list is read in: NOT NULL columns of the table its id column belongs to, e.g. names. */
export interface ListOrder {
  table: string;
  columns: readonly string[];
}

/**
 * Like `paginate`, in the order people read the list (names, codes, titles), then by id so
 * that equal values keep one order from page to page. The cursor is still the id of a
 * page's last row: its place in the order is read back from `order.table`, so it holds when
 * that row has since left the list (a person deactivated between two pages).
 */
export async function paginateInOrder<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  idColumn: string,
  order: ListOrder,
  request: PageRequest,
): Promise<Page<T>> {
  const [alias, id] = idColumn.split('.');
  const keys = [...order.columns, id];
  const pageQuery = query.clone().orderBy(`${alias}.${order.columns[0]}`);
  for (const column of keys.slice(1)) pageQuery.addOrderBy(`${alias}.${column}`);
  if (request.afterId !== undefined) {
    pageQuery.andWhere(
      `(${keys.map((column) => `${alias}.${column}`).join(', ')}) >
        (SELECT ${keys.map((column) => `cursor_row.${column}`).join(', ')}
           FROM ${order.table} cursor_row WHERE cursor_row.${id} = :afterId)`,
      { afterId: request.afterId },
    );
  }
  return readPage(query, pageQuery, request);
}

async function readPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  pageQuery: SelectQueryBuilder<T>,
  request: PageRequest,
): Promise<Page<T>> {
  const counted = await query.clone().select('COUNT(*)', 'total').orderBy().getRawOne<{ total: string | number }>();
  const rows = await pageQuery.limit(request.first + 1).getMany();
  return {
    items: rows.slice(0, request.first),
    hasNextPage: rows.length > request.first,
    totalCount: Number(counted?.total ?? 0),
  };
}
