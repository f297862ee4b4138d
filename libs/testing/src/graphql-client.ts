import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  status: number;
  headers: Record<string, string>;
  data: T | null;
  errors?: GraphqlError[];
}

/** Speaks GraphQL to the app over HTTP, as a client would; `token` signs the request in. */
export async function graphql<T = Record<string, any>>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const call = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set(headers);
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  return {
    status: response.status,
    headers: response.headers,
    data: response.body.data ?? null,
    errors: response.body.errors,
  };
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
