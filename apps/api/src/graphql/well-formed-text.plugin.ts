import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Half of a UTF-16 surrogate pair on its own: JSON lets a client send one, as "\ud800". */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The path of the first string in `value` that is not Unicode text, if any. */
function illFormedText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = illFormedText(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses variables holding a lone surrogate before anything runs. No column can store one
 * (the driver writes U+FFFD instead) and the audit log's JSON check refused the event, so a
 * name sent with one failed as INTERNAL_SERVER_ERROR. (The GraphQL parser already refuses
 * one written in the query itself.)
 */
export function wellFormedTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const path = illFormedText(value, `$${name}`);
            if (path) {
              throw new GraphQLError(`${path} is not Unicode text: it holds half of a surrogate pair`, {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  reason: 'ILL_FORMED_TEXT',
                  variable: path,
                  http: { status: 400 },
                },
              });
            }
          }
        },
      };
    },
  };
}
