import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadInputError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from '@lp/core';
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
  @MaxLength(100)
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

const CURSOR_PREFIX = 'id:';

export function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

export function toPageRequest(args: PaginationArgs): PageRequest {
  const request: PageRequest = { first: args.first ?? DEFAULT_PAGE_SIZE };
  if (args.after !== undefined && args.after !== null) {
    const decoded = Buffer.from(args.after, 'base64url').toString();
    const id = Number(decoded.slice(CURSOR_PREFIX.length));
    if (!decoded.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(id) || id < 0) {
      throw new BadInputError('after is not a cursor returned by this list', 'after');
    }
    request.afterId = id;
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

export function toConnection<T extends { id: number }>(page: Page<T>): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
