import request from 'supertest';
import { Role } from '@lp/organisation';
import { buildEmployee, createTestApp, errorCode, eventually, graphql, SmtpCapture, type TestApp } from '@lp/testing';

const CREATE_REGION = 'mutation ($code: String!) { createRegion(input: { code: $code, name: "Limited" }) { id } }';

describe('API-wide rate limits', () => {
  describe('behind one trusted proxy', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({
        env: {
          RATE_LIMIT_PER_ADDRESS: '6',
          RATE_LIMIT_PER_ACCOUNT: '3',
          RATE_LIMIT_WINDOW_SECONDS: '600',
          TRUST_PROXY_HOPS: '1',
        },
      });
    });
    afterAll(() => t.close());
    beforeEach(() => t.reset());

    const from = (address: string) => ({ 'x-forwarded-for': address });
    const regionCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM regions'))[0].n);

    it('holds an account to its limit from any address, refusing before anything is written', async () => {
      const hr = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
      for (let n = 1; n <= 3; n++) {
        const created = await graphql(t.app, CREATE_REGION, { code: `RL${n}` }, hr, from(`198.51.100.${n}`));
        expect(created.errors).toBeUndefined();
      }
      const before = await regionCount();

      const refused = await graphql(t.app, CREATE_REGION, { code: 'RL4' }, hr, from('198.51.100.4'));
      expect(refused.status).toBe(429);
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await regionCount()).toBe(before);

      // Another account from an address the first one used is not held back.
      const other = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
      expect((await graphql(t.app, '{ me { id } }', {}, other, from('198.51.100.1'))).errors).toBeUndefined();
    });

    it('holds an address to its limit, signed in or not, and leaves other addresses alone', async () => {
      for (let n = 0; n < 6; n++) {
        expect((await graphql(t.app, '{ __typename }', {}, undefined, from('203.0.113.50'))).status).toBe(200);
      }
      const refused = await graphql(t.app, '{ __typename }', {}, undefined, from('203.0.113.50'));
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      const employee = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.EMPLOYEE }));
      expect(errorCode(await graphql(t.app, '{ me { id } }', {}, employee, from('203.0.113.50')))).toBe(
        'TOO_MANY_REQUESTS',
      );

      expect((await graphql(t.app, '{ __typename }', {}, undefined, from('203.0.113.51'))).errors).toBeUndefined();
    });

    it('answers REST routes with 429 and Retry-After, and never limits /health', async () => {
      const manager = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
      for (let n = 0; n < 6; n++) await graphql(t.app, '{ __typename }', {}, undefined, from('203.0.113.60'));

      const csv = await request(t.app.getHttpServer())
        .get('/reports/certifications.csv')
        .set('authorization', `Bearer ${manager}`)
        .set(from('203.0.113.60'));
      expect(csv.status).toBe(429);
      expect(csv.text).toMatch(/^TOO_MANY_REQUESTS/);
      expect(Number(csv.headers['retry-after'])).toBeGreaterThan(0);

      const health = await request(t.app.getHttpServer()).get('/health').set(from('203.0.113.60'));
      expect(health.status).toBe(200);
    });
  });

  describe('after a password reset', () => {
    const smtp = new SmtpCapture();
    let t: TestApp;

    beforeAll(async () => {
      await smtp.start();
      t = await createTestApp({
        env: {
          SMTP_URL: smtp.url,
          RATE_LIMIT_PER_ADDRESS: '100',
          RATE_LIMIT_PER_ACCOUNT: '3',
          RATE_LIMIT_WINDOW_SECONDS: '600',
          TRUST_PROXY_HOPS: '1',
        },
      });
    });
    afterAll(async () => {
      await t.close();
      await smtp.stop();
    });

    it("does not let a signed-out session spend the account's requests, keeping its owner out", async () => {
      const employee = await buildEmployee(t.dataSource, { role: Role.EMPLOYEE, email: 'till@example.test' });
      const signedOut = t.tokenFor(employee);
      const hr = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
      const resent = await graphql(
        t.app,
        'mutation ($id: ID!) { resendInvite(employeeId: $id) { sentTo } }',
        {
          id: String(employee.id),
        },
        hr,
      );
      expect(resent.errors).toBeUndefined();
      await smtp.waitFor(1);
      const link = /accept-invite\?token=([A-Za-z0-9_-]+)/.exec(smtp.messages[0].text ?? '')!;
      const accepted = await graphql(
        t.app,
        'mutation ($token: String!) { acceptInvite(token: $token, password: "a password of her own") { accessToken } }',
        { token: link[1] },
      );
      const owner = accepted.data!.acceptInvite.accessToken as string;

      // Whoever kept a token of the old password, from their own address.
      for (let n = 0; n < 4; n++) {
        await graphql(t.app, '{ me { id } }', {}, signedOut, { 'x-forwarded-for': '198.51.100.66' });
      }

      const mine = await graphql(t.app, '{ me { id } }', {}, owner, { 'x-forwarded-for': '198.51.100.7' });
      expect(mine.errors).toBeUndefined();
      expect(mine.data!.me.id).toBe(String(employee.id));
    });
  });

  describe('with no trusted proxy and a short window', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({
        env: { RATE_LIMIT_PER_ADDRESS: '3', RATE_LIMIT_WINDOW_SECONDS: '1', TRUST_PROXY_HOPS: '0' },
      });
    });
    afterAll(() => t.close());
    beforeEach(() => t.reset());

    it('ignores X-Forwarded-For, so a client cannot pose as many addresses', async () => {
      for (let n = 1; n <= 3; n++) {
        await graphql(t.app, '{ __typename }', {}, undefined, { 'x-forwarded-for': `192.0.2.${n}` });
      }
      const refused = await graphql(t.app, '{ __typename }', {}, undefined, { 'x-forwarded-for': '192.0.2.99' });
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    });

    it('lets the client in again once the window has passed', async () => {
      for (let n = 0; n < 4; n++) await graphql(t.app, '{ __typename }');
      expect(errorCode(await graphql(t.app, '{ __typename }'))).toBe('TOO_MANY_REQUESTS');

      await eventually(async () => expect((await graphql(t.app, '{ __typename }')).status).toBe(200), 5_000, 200);
    });
  });
});
