import type { ApolloServerPlugin } from '@apollo/server';
import { ExecutionTimeoutError, exemptStatementsFromDeadline, timeLeftMs } from '@lp/core';

/**
 * Stops an operation that has run past its deadline: no field starts resolving after it,
 * and a query's SELECTs already running are stopped by the database (see
 * `deadlineAwareMysql2`). A mutation is checked before each of its root fields only, and
 * its statements are not limited: a write that has started (a 10,000-line import) runs to
 * its commit, and answers with its result rather than a timeout that would hide it.
 */
export function executionTimeoutPlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          const rootOnly = operation.operation === 'mutation';
          if (rootOnly) exemptStatementsFromDeadline();
          return {
            willResolveField({ info }) {
              if (rootOnly && info.path.prev !== undefined) return;
              const left = timeLeftMs();
              if (left !== undefined && left <= 0) throw new ExecutionTimeoutError(timeoutMs);
            },
          };
        },
      };
    },
  };
}
