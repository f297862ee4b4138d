import { ApolloDriverConfig } from '@nestjs/apollo';
import depthLimit from 'graphql-depth-limit';
import { AppConfig, GraphqlConfig } from '@lp/core';
import type { Request, Response } from 'express';
import { DateTimeScalar } from './date-time.scalar';
import { createErrorFormatter } from './format-error';
import type { GraphqlContext } from './graphql-context';
import { aliasLimit } from './limits/alias-limit.rule';
import { executionTimeoutPlugin } from './limits/execution-timeout.plugin';
import { queryCostPlugin } from './limits/query-cost.plugin';
import { wellFormedTextPlugin } from './well-formed-text.plugin';

/**
 * Code-first schema, kept in memory; `npm run schema:print` writes the committed
 * schema.gql and a test fails when it is stale. Apollo's CDN landing page is off:
 * /graphiql serves a local one. Depth, aliases and cost are checked before any resolver
 * runs; batched HTTP requests stay off (Apollo's default), so limits cannot be multiplied.
 * A request that runs past GRAPHQL_EXECUTION_TIMEOUT_MS answers TIMEOUT and stops.
 * In production the schema is not disclosed: no introspection, no "did you mean" hints.
 */
export function graphqlOptions(config: AppConfig, limits: GraphqlConfig): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    playground: false,
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    allowBatchedHttpRequests: false,
    // Introspection (off in production) is exempt from the depth limit: GraphiQL's own query is deeper.
    validationRules: [
      depthLimit(limits.GRAPHQL_MAX_DEPTH, { ignore: [/^__/] }),
      aliasLimit(limits.GRAPHQL_MAX_ALIASES),
    ],
    plugins: [
      wellFormedTextPlugin(),
      queryCostPlugin(limits.GRAPHQL_MAX_COST),
      executionTimeoutPlugin(limits.GRAPHQL_EXECUTION_TIMEOUT_MS),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(config.isDevelopment, limits.GRAPHQL_EXECUTION_TIMEOUT_MS),
    context: ({ req, res }: { req: Request; res: Response }): GraphqlContext => ({ req, res, loaders: new Map() }),
  };
}
