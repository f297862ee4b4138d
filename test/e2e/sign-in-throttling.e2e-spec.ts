import { PasswordHasher } from '@lp/identity';
import { buildEmployee, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const ACCEPT_INVITE = `mutation ($token: String!, $password: String!) {
  acceptInvite(token: $token, password: $password) { accessToken }
}`;

describe('sign-in throttling per address', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Behind one proxy, so each test can speak from the address it needs.
    t = await createTestApp({ env: { LOGIN_IP_LIMIT: '4', LOGIN_IP_WINDOW_SECONDS: '600', TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  const from = (address: string) => ({ 'x-forwarded-for': address });
  // A different email each time, so the per-account lock-out never kicks in first.
  const login = (address: string, n: number, password = 'wrong password') =>
    graphql(t.app, LOGIN, { email: `probe${n}@example.test`, password }, undefined, from(address));

  it('refuses an address over the limit with TOO_MANY_REQUESTS and Retry-After, whatever it sends', async () => {
    for (let n = 0; n < 4; n++) expect(errorCode(await login('203.0.113.7', n))).toBe('UNAUTHENTICATED');

    const refused = await login('203.0.113.7', 4);
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].message).toMatch(/too many sign-in attempts/i);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts login and acceptInvite together, so alternating gains nothing', async () => {
    for (let n = 0; n < 2; n++) await login('203.0.113.7', n);
    for (let n = 0; n < 2; n++) {
      const accept = await graphql(
        t.app,
        ACCEPT_INVITE,
        { token: `not-a-real-invite-token-${n}`, password: 'a new password' },
        undefined,
        from('203.0.113.7'),
      );
      expect(errorCode(accept)).toBe('BAD_USER_INPUT');
    }
    const accept = await graphql(
      t.app,
      ACCEPT_INVITE,
      { token: 'not-a-real-invite-token-x', password: 'a new password' },
      undefined,
      from('203.0.113.7'),
    );
    expect(errorCode(accept)).toBe('TOO_MANY_REQUESTS');
    expect(errorCode(await login('203.0.113.7', 9))).toBe('TOO_MANY_REQUESTS');
  });

  it('keeps other addresses, and their correct passwords, unaffected', async () => {
    const passwordHash = await t.app.get(PasswordHasher).hash('the right password');
    await buildEmployee(t.dataSource, { email: 'probe100@example.test', passwordHash });
    for (let n = 0; n < 5; n++) await login('203.0.113.7', n);
    expect(errorCode(await login('203.0.113.7', 100, 'the right password'))).toBe('TOO_MANY_REQUESTS');

    expect(errorCode(await login('198.51.100.20', 5))).toBe('UNAUTHENTICATED');
    const signedIn = await login('198.51.100.20', 100, 'the right password');
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.login.accessToken).toEqual(expect.any(String));
  });

  it('does not throttle other operations', async () => {
    for (let n = 0; n < 5; n++) await login('203.0.113.7', n);
    const person = await buildEmployee(t.dataSource);
    const me = await graphql(t.app, '{ me { id } }', {}, t.tokenFor(person), from('203.0.113.7'));
    expect(me.errors).toBeUndefined();
  });
});
