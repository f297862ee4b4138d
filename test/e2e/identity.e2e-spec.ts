import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { DEFAULT_JWT_SECRET } from '@lp/core';
import { PasswordHasher } from '@lp/identity';
import { type EmployeeEntity } from '@lp/organisation';
import { buildEmployee, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken expiresAt user { id email role } }
}`;
const ME = '{ me { id employeeNumber } }';
const PASSWORD = 'correct horse battery staple';

describe('signing in', () => {
  let t: TestApp;
  let person: EmployeeEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    const passwordHash = await t.app.get(PasswordHasher).hash(PASSWORD);
    person = await buildEmployee(t.dataSource, { email: 'dana@example.test', passwordHash });
  });

  const login = (email: string, password: string) => graphql(t.app, LOGIN, { email, password });

  it('issues an access token that opens `me`, whatever the case of the email', async () => {
    const response = await login('  Dana@Example.TEST ', PASSWORD);
    expect(response.errors).toBeUndefined();
    expect(response.data!.login.user).toEqual({ id: String(person.id), email: 'dana@example.test', role: 'EMPLOYEE' });
    const me = await graphql(t.app, ME, {}, response.data!.login.accessToken);
    expect(me.data!.me.id).toBe(String(person.id));
  });

  it('takes an accent variant for another address, not the account’s', async () => {
    expect(errorCode(await login('dána@example.test', PASSWORD))).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong email, a wrong password and a deactivated account with the same error', async () => {
    const wrongEmail = await login('nobody@example.test', PASSWORD);
    const wrongPassword = await login('dana@example.test', 'not the password');
    await t.dataSource.query('UPDATE employees SET active = 0 WHERE id = ?', [person.id]);
    const inactive = await login('dana@example.test', PASSWORD);
    for (const response of [wrongEmail, wrongPassword, inactive]) {
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
    }
  });

  it('locks an account after 5 failures, even for the right password, until the lock expires', async () => {
    for (let i = 0; i < 5; i++)
      expect(errorCode(await login('dana@example.test', `wrong ${i}`))).toBe('UNAUTHENTICATED');
    const locked = await login('dana@example.test', PASSWORD);
    expect(errorCode(locked)).toBe('TOO_MANY_REQUESTS');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);

    t.clock.advanceMinutes(16);
    expect(errorCode(await login('dana@example.test', PASSWORD))).toBeUndefined();
  });

  it('locks unknown emails the same way, so a lock does not reveal that an account exists', async () => {
    for (let i = 0; i < 5; i++) await login('ghost@example.test', `wrong ${i}`);
    expect(errorCode(await login('ghost@example.test', 'anything'))).toBe('TOO_MANY_REQUESTS');
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await login('dana@example.test', `wrong ${i}`);
    expect(errorCode(await login('dana@example.test', PASSWORD))).toBeUndefined();
    for (let i = 0; i < 4; i++) await login('dana@example.test', `wrong again ${i}`);
    expect(errorCode(await login('dana@example.test', PASSWORD))).toBeUndefined();
  });

  describe('refuses tokens that are not ours or not current, with UNAUTHENTICATED', () => {
    const claims = () => {
      const now = Math.floor(t.clock.now().getTime() / 1000);
      return { sub: String(person.id), iss: 'lp-academy', aud: 'lp-academy-api', iat: now, exp: now + 600 };
    };
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const expectRefused = async (token: string) => {
      const response = await graphql(t.app, ME, {}, token);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
      expect(response.data).toBeNull();
    };

    it('accepts a correctly signed token (the control case)', async () => {
      const token = sign(claims(), DEFAULT_JWT_SECRET, { algorithm: 'HS256' });
      expect(errorCode(await graphql(t.app, ME, {}, token))).toBeUndefined();
    });

    it('an expired token', async () => {
      const token = t.tokenFor(person);
      t.clock.advanceMinutes(61);
      await expectRefused(token);
    });

    it('a token signed with another secret', () =>
      expectRefused(sign(claims(), 'an-attacker-secret-of-at-least-32-chars', { algorithm: 'HS256' })));

    it('an unsigned token (alg: none)', () =>
      expectRefused(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`));

    it('a token signed with another HMAC algorithm', () =>
      expectRefused(sign(claims(), DEFAULT_JWT_SECRET, { algorithm: 'HS512' })));

    it('a token signed with RS256', () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return expectRefused(sign(claims(), privateKey, { algorithm: 'RS256' }));
    });

    it('a token for another audience or issuer', async () => {
      await expectRefused(sign({ ...claims(), aud: 'another-api' }, DEFAULT_JWT_SECRET, { algorithm: 'HS256' }));
      await expectRefused(sign({ ...claims(), iss: 'someone-else' }, DEFAULT_JWT_SECRET, { algorithm: 'HS256' }));
    });

    it('a tampered payload', async () => {
      const [header, , signature] = t.tokenFor(person).split('.');
      await expectRefused(`${header}.${base64url({ ...claims(), sub: '1' })}.${signature}`);
    });

    it('a token of someone deactivated since', async () => {
      const token = t.tokenFor(person);
      await t.dataSource.query('UPDATE employees SET active = 0 WHERE id = ?', [person.id]);
      await expectRefused(token);
    });

    it('garbage and a missing bearer', async () => {
      await expectRefused('not-a-token');
      expect(errorCode(await graphql(t.app, ME))).toBe('UNAUTHENTICATED');
    });
  });

  describe('signOut (a shared store terminal: a token copied before signing out must not work after)', () => {
    const SIGN_OUT = 'mutation { signOut }';
    const signIn = async () => (await login('dana@example.test', PASSWORD)).data!.login.accessToken as string;

    it('ends every session of the person, on every device; signing in again works', async () => {
      const terminal = await signIn();
      const phone = await signIn();
      expect(errorCode(await graphql(t.app, ME, {}, terminal))).toBeUndefined();

      const signedOut = await graphql(t.app, SIGN_OUT, {}, terminal);
      expect(signedOut.errors).toBeUndefined();
      expect(signedOut.data).toEqual({ signOut: true });

      for (const token of [terminal, phone]) {
        const refused = await graphql(t.app, ME, {}, token);
        expect(errorCode(refused)).toBe('UNAUTHENTICATED');
        expect(refused.data).toBeNull();
        expect(errorCode(await graphql(t.app, SIGN_OUT, {}, token))).toBe('UNAUTHENTICATED');
      }
      const again = await signIn();
      expect((await graphql(t.app, ME, {}, again)).data!.me.id).toBe(String(person.id));
    });

    it('leaves the sessions of everyone else alone, and asks for a token', async () => {
      const colleague = await buildEmployee(t.dataSource, { storeId: person.storeId });
      const theirs = t.tokenFor(colleague);
      await graphql(t.app, SIGN_OUT, {}, await signIn());
      expect(errorCode(await graphql(t.app, ME, {}, theirs))).toBeUndefined();
      expect(errorCode(await graphql(t.app, SIGN_OUT))).toBe('UNAUTHENTICATED');
    });
  });
});
