import { ApolloDriverConfig } from '@nestjs/apollo';
import { AppConfig } from '@lp/core';
import type { Request, Response } from 'express';
import { createErrorFormatter } from './format-error';
import type { GraphqlContext } from './graphql-context';

/**
 * Code-first schema, kept in memory; `npm run schema:print` writes the committed
 * schema.gql and a test fails when it is stale. Apollo's CDN landing page is off:
 * /graphiql serves a local one.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(config.isDevelopment),
    context: ({ req, res }: { req: Request; res: Response }): GraphqlContext => ({ req, res, loaders: new Map() }),
  };
}
