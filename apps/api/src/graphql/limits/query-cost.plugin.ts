import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isListType, getNullableType } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '@lp/core';

/**
 * A field that returns a page (it takes an argument `first`) or a plain list costs its
 * children times the rows it may return: `first`, or the default page size when not
 * given. A connection's `edges` are already counted by the connection's `first`.
 */
const listEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (field.name.startsWith('__')) return 0; // introspection: off in production, bounded by the schema
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * first;
  }
  if (field.name === 'edges') return 1 + childComplexity;
  if (isListType(getNullableType(field.type)) && getNamedType(field.type) !== field.type) {
    return 1 + childComplexity * DEFAULT_PAGE_SIZE;
  }
  return undefined;
};

/**
 * Refuses an operation whose estimated cost exceeds the limit, once its variables are
 * known and before anything executes (validation rules cannot see variables).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // variables that do not fit: execution answers with BAD_USER_INPUT naming them
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `This query is too expensive (cost ${cost}, limit ${maxCost}); ask for smaller pages`,
              {
                // Without a status Apollo answers an error raised before execution with HTTP 500.
                extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_COST', cost, maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
