import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A row's place in a list read in order: its values of the order's columns, then its id. */
export type ListPlace = readonly (string | number)[];

/** Keyset pagination over an increasing id: stable while rows are added, cheap at any depth. */
export interface PageRequest {
  first: number;
  afterId?: number;
  /** The place of the previous page's last row, when the list is read in an order of its own (`paginateInOrder`). */
  afterPlace?: ListPlace;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** A page of a list read in an order of its own. */
export interface OrderedPage<T> extends Page<T> {
  /** Each item's place in the order: what its cursor carries. */
  placeOf: (item: T) => ListPlace;
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

/** What a list is read in: NOT NULL string properties of the entity whose id column pages it, e.g. names. */
export interface ListOrder<T> {
  properties: readonly (keyof T & string)[];
}

/**
 * Like `paginate`, in the order people read the list (names, codes, titles), then by id so
 * that equal values keep one order from page to page. The cursor carries the place of a
 * page's last row (its values and id) rather than just its id: it holds when that row has
 * since left the list (a person deactivated between two pages), and a reader cannot learn
 * where a row they may not see would stand by passing its id.
 */
export async function paginateInOrder<T extends ObjectLiteral & { id: number }>(
  query: SelectQueryBuilder<T>,
  idColumn: string,
  order: ListOrder<T>,
  request: PageRequest,
): Promise<OrderedPage<T>> {
  const [alias, id] = idColumn.split('.');
  const metadata = query.expressionMap.mainAlias!.metadata;
  const columns = [
    ...order.properties.map((property) => `${alias}.${metadata.findColumnWithPropertyName(property)!.databaseName}`),
    `${alias}.${id}`,
  ];
  const pageQuery = query.clone().orderBy(columns[0]);
  for (const column of columns.slice(1)) pageQuery.addOrderBy(column);
  const after = placeAfter(request, columns.length);
  if (after) {
    const params = Object.fromEntries(after.map((value, index) => [`afterPlace${index}`, value]));
    pageQuery.andWhere(
      `(${columns.join(', ')}) > (${after.map((_, index) => `:afterPlace${index}`).join(', ')})`,
      params,
    );
  }
  const page = await readPage(query, pageQuery, request);
  return { ...page, placeOf: (item) => [...order.properties.map((property) => item[property] as string), item.id] };
}

/** The place a page of a list read in order starts after; BAD_USER_INPUT for a cursor of another list. */
export function placeAfter(request: PageRequest, length: number): ListPlace | undefined {
  if (request.afterPlace === undefined && request.afterId === undefined) return undefined;
  if (request.afterPlace?.length !== length) {
    throw new BadInputError('after is not a cursor returned by this list', 'after');
  }
  return request.afterPlace;
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
