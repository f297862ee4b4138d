import { Client, cacheExchange, fetchExchange, getOperationName, mapExchange } from 'urql';
import { readToken } from './token';

/** The operations of the signed-out pages, whose UNAUTHENTICATED is about what was typed, not about a session. */
const SIGN_IN_OPERATIONS = new Set(['Login', 'AcceptInvite']);

/**
 * One client per signed-in session, so nothing cached leaks from one user to the next; it sends
 * that session's token, so what a request carried is known when its answer comes back.
 */
export function createClient(token: string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // The API answers GraphQL over POST only.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error, operation) {
          const rejected = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          // A session that ended under a learner's submit or "mark as read" ends here too, so they are
          // sent to sign in and back, rather than left pressing a button that cannot work again.
          const signingIn = SIGN_IN_OPERATIONS.has(getOperationName(operation.query) ?? '');
          // Only if the refused token is still the current one: a slow request sent before a sign-out and a
          // new sign-in is answered after them, and must not end the session that followed.
          if (rejected && token && token === readToken() && !signingIn) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
  });
}
