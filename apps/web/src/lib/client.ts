import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { readToken } from './token';

/** One client per signed-in session, so nothing cached leaks from one user to the next. */
export function createClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // The API answers GraphQL over POST only.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const token = readToken();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error, operation) {
          const expired = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          // A failed login is UNAUTHENTICATED too; only a rejected token ends the session.
          if (expired && readToken() && operation.kind !== 'mutation') onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
  });
}
