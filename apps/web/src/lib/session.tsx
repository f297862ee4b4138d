import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { createClient } from './client';
import { clearToken, readToken, saveToken } from './token';

const MeDocument = graphql(`
  query Me {
    me {
      id
      firstName
      lastName
      email
      role
      employeeNumber
      jobRole {
        code
        name
      }
      store {
        id
        code
        name
        timezone
      }
    }
  }
`);

export type Me = MeQuery['me'];
export type Role = Me['role'];

interface Session {
  me: Me | null;
  loading: boolean;
  error: CombinedError | undefined;
  /** Someone pressed "Sign out" (rather than the session expiring): whoever signs in next starts at their home page. */
  signedOut: boolean;
  /** The API refused the session's token (it expired or was revoked): the sign-in page says so. */
  ended: boolean;
  signIn: (token: string) => void;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe needs a signed-in user');
  return me;
}

export const MANAGER_ROLES: Role[] = ['STORE_MANAGER', 'REGIONAL_MANAGER', 'HR', 'ADMIN'];
export const HR_ROLES: Role[] = ['HR', 'ADMIN'];

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

const SESSION_EXPIRED = 'lp-academy:session-expired';
const newClient = (token: string | null) => createClient(token, () => window.dispatchEvent(new Event(SESSION_EXPIRED)));

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(readToken);
  const [client, setClient] = useState(() => newClient(token));
  const [signedOut, setSignedOut] = useState(false);
  const [ended, setEnded] = useState(false);
  const forgetToken = useCallback(() => {
    clearToken();
    setToken(null);
    setClient(newClient(null));
  }, []);
  const signOut = useCallback(() => {
    // The API ends the token (and the person's other sessions), so a copy left on a shared terminal
    // stops working; the screen signs out at once, whether or not that request gets through.
    void client.mutation(SignOutDocument, {}).toPromise();
    forgetToken();
    setSignedOut(true);
    setEnded(false);
  }, [client, forgetToken]);
  const signIn = useCallback((next: string) => {
    saveToken(next);
    setToken(next);
    setClient(newClient(next));
    setSignedOut(false);
    setEnded(false);
  }, []);
  useEffect(() => {
    const end = () => {
      forgetToken();
      setEnded(true);
    };
    window.addEventListener(SESSION_EXPIRED, end);
    return () => window.removeEventListener(SESSION_EXPIRED, end);
  }, [forgetToken]);
  return (
    <Provider value={client}>
      {/* Keyed by the token because urql keeps a query's last data while it is paused or refetching:
          the previous person's `me` would stand in for the next one's, sending them to its pages. */}
      <SessionState key={token} token={token} signedOut={signedOut} ended={ended} signIn={signIn} signOut={signOut}>
        {children}
      </SessionState>
    </Provider>
  );
}

function SessionState({
  token,
  signedOut,
  ended,
  signIn,
  signOut,
  children,
}: {
  token: string | null;
  signedOut: boolean;
  ended: boolean;
  signIn: (token: string) => void;
  signOut: () => void;
  children: ReactNode;
}) {
  const [{ data, fetching, error }] = useQuery({ query: MeDocument, pause: !token, requestPolicy: 'network-only' });
  const me = token && data ? data.me : null;
  const session = useMemo<Session>(
    () => ({
      me,
      loading: Boolean(token) && !me && (fetching || !error),
      error: token && !me ? error : undefined,
      signedOut,
      ended,
      signIn,
      signOut,
    }),
    [me, token, fetching, error, signedOut, ended, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
