import { CombinedError } from 'urql';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'We could not find that. It may have been removed, or it is outside what you can see.',
  TOO_MANY_REQUESTS: 'Too many attempts in a short time. Please wait a minute and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again in a moment.',
};

export function errorCode(error: CombinedError | Error | string): string | undefined {
  if (!(error instanceof CombinedError)) return undefined;
  return error.graphQLErrors[0]?.extensions?.code as string | undefined;
}

/** A sentence a person can act on: the server's own words for input problems, ours otherwise. */
export function messageFor(error: CombinedError | Error | string): string {
  if (typeof error === 'string') return error;
  if (!(error instanceof CombinedError)) return error.message;
  if (error.networkError) return 'LP Academy cannot be reached. Check your connection and try again.';
  const first = error.graphQLErrors[0];
  const code = errorCode(error);
  // MAIL_NOT_SENT: the server's words say which address the mail server refused, or that it is down.
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'MAIL_NOT_SENT')
    return first?.message ?? 'Please check what you entered.';
  return (code && MESSAGES[code]) ?? first?.message ?? 'Something went wrong. Please try again.';
}
