import { createClient } from './client';
import { clearToken, saveToken } from './token';

// A plain string, not a graphql() document: codegen reads the app's documents, not its specs'.
const ME = '{ me { id } }';

/** The API's answer to a token it no longer accepts. */
const refused = () =>
  new Response(
    JSON.stringify({ data: null, errors: [{ message: 'Sign in again', extensions: { code: 'UNAUTHENTICATED' } }] }),
    { status: 401, headers: { 'content-type': 'application/json' } },
  );

describe('the GraphQL client of a session', () => {
  const stored = new Map<string, string>();
  let answers: ((response: Response) => void)[];
  let sentWith: (string | null)[];

  beforeAll(() => {
    globalThis.localStorage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    } as Storage;
  });

  beforeEach(() => {
    stored.clear();
    answers = [];
    sentWith = [];
    // Answered when the test says so, as a slow network would.
    globalThis.fetch = jest.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      sentWith.push(new Headers(init?.headers).get('authorization'));
      return new Promise<Response>((resolve) => answers.push(resolve));
    });
  });

  it('ends the session when the token it sent, still the current one, is refused', async () => {
    saveToken('token-1');
    const onUnauthenticated = jest.fn();
    const pending = createClient('token-1', onUnauthenticated).query(ME, {}).toPromise();
    await waitForRequest();
    answers[0](refused());
    await pending;
    expect(sentWith).toEqual(['Bearer token-1']);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves the next session alone when a slow request of an earlier one is refused after a new sign-in', async () => {
    saveToken('token-1');
    const onUnauthenticated = jest.fn();
    const pending = createClient('token-1', onUnauthenticated).query(ME, {}).toPromise();
    await waitForRequest();
    // The learner signs out (the API ends token-1) and in again before the answer arrives.
    clearToken();
    saveToken('token-2');
    answers[0](refused());
    await pending;
    expect(sentWith).toEqual(['Bearer token-1']);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('does not end anything for a request refused after its session was signed out', async () => {
    saveToken('token-1');
    const onUnauthenticated = jest.fn();
    const pending = createClient('token-1', onUnauthenticated).query(ME, {}).toPromise();
    await waitForRequest();
    clearToken();
    answers[0](refused());
    await pending;
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  async function waitForRequest(): Promise<void> {
    while (answers.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
});
