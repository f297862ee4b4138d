/** The token of an `Authorization: Bearer <token>` header, or null when there is none of that form. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  return /^Bearer ([A-Za-z0-9._-]+)$/.exec(header.trim())?.[1] ?? null;
}

export const BEARER_TOKEN_HINT = 'Sign in and send the access token as "Authorization: Bearer <token>"';

/** A valid token of someone who has left, or who has set a new password since it was issued. */
export const SESSION_ENDED =
  'This session has ended: the account was deactivated or its password changed; sign in again';
