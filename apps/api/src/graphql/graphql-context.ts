import type { Request, Response } from 'express';

/** What every resolver receives as its GraphQL context. */
export interface GraphqlContext {
  req: Request;
  res: Response;
  /** Per-request DataLoaders, created on first use (see `perRequest`). */
  loaders: Map<string, unknown>;
}

/** Returns the request's instance of a DataLoader (or any per-request value), creating it once. */
export function perRequest<T>(context: GraphqlContext, key: string, create: () => T): T {
  let value = context.loaders.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    context.loaders.set(key, value);
  }
  return value;
}
