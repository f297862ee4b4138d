import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  BadInputError,
  DEFAULT_PAGE_SIZE,
  type ListPlace,
  MAX_PAGE_SIZE,
  type OrderedPage,
  type Page,
  type PageRequest,
} from '@lp/core';
import { OptionalInput } from './optional-input';

@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  @OptionalInput()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  @OptionalInput()
  @IsString()
  @MaxLength(2000)
  after?: string;
}

/** A history list's order: by when each record was made. */
export enum CreationOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}
registerEnumType(CreationOrder, {
  name: 'CreationOrder',
  description: "A history list's order, by when each record was made",
});

/** Paging of a history (someone's assignments, certification cycles), which a reader may want newest first. */
@ArgsType()
export class HistoryPaginationArgs extends PaginationArgs {
  @Field(() => CreationOrder, { nullable: true, description: 'OLDEST_FIRST (the default) or NEWEST_FIRST' })
  @OptionalInput()
  @IsEnum(CreationOrder)
  order?: CreationOrder;
}

/** The id order that gives a history's order. */
export function idDirectionOf(order: CreationOrder | undefined): 'ASC' | 'DESC' {
  return order === CreationOrder.NEWEST_FIRST ? 'DESC' : 'ASC';
}

const ID_CURSOR = 'id:';
const PLACE_CURSOR = 'at:';

function encodeCursor(id: number): string {
  return Buffer.from(`${ID_CURSOR}${id}`).toString('base64url');
}

function encodePlaceCursor(place: ListPlace): string {
  return Buffer.from(`${PLACE_CURSOR}${JSON.stringify(place)}`).toString('base64url');
}

function decodeCursor(cursor: string): Pick<PageRequest, 'afterId' | 'afterPlace'> | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (decoded.startsWith(ID_CURSOR)) {
    const id = Number(decoded.slice(ID_CURSOR.length));
    return isId(id) ? { afterId: id } : undefined;
  }
  if (decoded.startsWith(PLACE_CURSOR)) {
    let place: unknown;
    try {
      place = JSON.parse(decoded.slice(PLACE_CURSOR.length));
    } catch {
      return undefined;
    }
    if (!Array.isArray(place) || place.length < 2 || !isId(place.at(-1))) return undefined;
    if (!place.slice(0, -1).every((value) => typeof value === 'string')) return undefined;
    return { afterId: place.at(-1) as number, afterPlace: place as ListPlace };
  }
  return undefined;
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function toPageRequest(args: PaginationArgs): PageRequest {
  const request: PageRequest = { first: args.first ?? DEFAULT_PAGE_SIZE };
  if (args.after !== undefined && args.after !== null) {
    const after = decodeCursor(args.after);
    if (!after) throw new BadInputError('after is not a cursor returned by this list', 'after');
    Object.assign(request, after);
  }
  return request;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay-style connection type for a node type, e.g. StoreConnection. */
export function ConnectionType<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass;
}

export function toConnection<T extends { id: number }>(page: Page<T> | OrderedPage<T>): Connection<T> {
  const placeOf = 'placeOf' in page ? page.placeOf : undefined;
  const cursorOf = (node: T) => (placeOf ? encodePlaceCursor(placeOf(node)) : encodeCursor(node.id));
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
