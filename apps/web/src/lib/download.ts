import { readToken } from './token';

/** Fetches a file the API guards with the bearer token and hands it to the browser as a download. */
export async function downloadWithToken(url: string, fallbackName: string): Promise<void> {
  const token = readToken();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const reason =
      response.status === 401
        ? 'Your session has ended. Please sign in again.'
        : response.status === 403
          ? 'You do not have access to this file.'
          : response.status === 404
            ? 'That file does not exist.'
            : response.status === 429
              ? 'Too many downloads in a short time. Please wait a minute and try again.'
              : 'The file could not be prepared. Please try again.';
    throw new Error(reason);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = objectUrl;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
