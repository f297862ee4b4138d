import type { ApolloServerPlugin } from '@apollo/server';
import { ExecutionTimeoutError, timeLeftMs } from '@lp/core';

/**
 * Stops an operation that has run past its deadline: no field starts resolving after it
 * (SELECTs already running are stopped by the database, see `deadlineAwareMysql2`). In a
 * mutation only the root fields are checked, serially: a mutation that has done its work
 * still answers with its result rather than a timeout that would hide the write.
 */
export function executionTimeoutPlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          const rootOnly = operation.operation === 'mutation';
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
