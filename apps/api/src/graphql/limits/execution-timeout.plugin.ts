import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { ExecutionTimeoutError, exemptStatementsFromDeadline, timeLeftMs } from '@lp/core';

/**
 * A mutation's statements are not limited by the deadline: a write that has started (a
 * 10,000-line import) runs to its commit, and answers with its result rather than a
 * timeout that would hide it. A query's SELECTs still running at the deadline are stopped
 * by the database (see `deadlineAwareMysql2`).
 */
export function executionTimeoutPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation.operation === 'mutation') exemptStatementsFromDeadline();
        },
      };
    },
  };
}

/**
 * Stops an operation that has run past its deadline: no resolver starts after it (a
 * mutation is checked before each of its root fields only). Fields without a resolver of
 * their own only read their parent's properties and are left alone: wrapping every field
 * instead, as Apollo's `willResolveField` hook does, cost a sixth of a learner dashboard's
 * CPU.
 */
export function stopResolversAfterDeadline(schema: GraphQLSchema, timeoutMs: number): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        if (info.operation.operation !== 'mutation' || info.path.prev === undefined) {
          const left = timeLeftMs();
          if (left !== undefined && left <= 0) throw new ExecutionTimeoutError(timeoutMs);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
