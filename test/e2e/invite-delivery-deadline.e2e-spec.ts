import {
  buildOrgChart,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  SmtpCapture,
  type TestApp,
} from '@lp/testing';

const DEADLINE_MS = 3000;
const HIRE = `mutation ($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id invite { status notSentReason } }
}`;
const RESEND = `mutation ($id: ID!) { resendInvite(employeeId: $id) { sentTo } }`;
const INVITE_OF = `query ($id: ID!) { employee(id: $id) { invite { status notSentReason } } }`;
const ACCEPT = `mutation ($token: String!) { acceptInvite(token: $token, password: "a brand new password") { accessToken } }`;

/**
 * A mail server that takes the connection and then says nothing holds an invite sent inside
 * a request for as long as SMTP_TIMEOUT_SECONDS allows per step (60 s here, its default):
 * the request must answer within its own deadline all the same, with a defined outcome.
 */
describe('an invite sent inside a request, when the mail server is silent or slow', () => {
  const smtp = new SmtpCapture();
  let t: TestApp;
  let chart: OrgChart;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'https://academy.example.test',
        GRAPHQL_EXECUTION_TIMEOUT_MS: String(DEADLINE_MS),
        SMTP_TIMEOUT_SECONDS: undefined,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
    // A new server each time: no pooled connection carries over from the test before.
    await smtp.stop();
    smtp.silentAt = undefined;
    smtp.rcptDelayMs = 0;
    smtp.delayMs = 0;
    await smtp.start();
    smtp.clear();
  });

  const hr = () => t.tokenFor(chart.people.hr);
  const hire = (email = 'nia@example.test') =>
    graphql(
      t.app,
      HIRE,
      {
        input: {
          employeeNumber: `INV-${email.split('@')[0]}`,
          email,
          firstName: 'Nia',
          lastName: 'Okafor',
          jobRoleCode: 'CASHIER',
          storeId: chart.stores.n1.id,
        },
      },
      hr(),
    );
  /** What `request` answered and how long it took. */
  async function timed<T>(request: () => Promise<T>): Promise<{ response: T; ms: number }> {
    const started = Date.now();
    const response = await request();
    return { response, ms: Date.now() - started };
  }
  function tokenOf(n: number): string {
    const link = /accept-invite\?token=([A-Za-z0-9_-]+)/.exec(smtp.messages[n - 1].text ?? '');
    expect(link).not.toBeNull();
    return decodeURIComponent(link![1]);
  }

  describe.each([['never greets', 'greeting'] as const, ['falls silent after MAIL FROM', 'MAIL FROM'] as const])(
    'a server that %s',
    (_, silentAt) => {
      beforeEach(() => {
        smtp.silentAt = silentAt;
      });

      it('lets createEmployee hire within the deadline, with the invite NOT_SENT and why', async () => {
        const { response, ms } = await timed(() => hire());
        expect(ms).toBeLessThan(DEADLINE_MS);
        expect(response.errors).toBeUndefined();
        const { id, invite } = response.data!.createEmployee;
        expect(invite).toEqual({ status: 'NOT_SENT', notSentReason: expect.any(String) });
        expect(invite.notSentReason).toMatch(
          /^the mail server did not answer in time \(gave up after \d\.\d s to answer within the request's time limit\)$/,
        );
        expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite).toEqual(invite);
        const audit = await t.dataSource.query(
          "SELECT action FROM audit_events WHERE subject_type = 'Employee' AND subject_id = ? AND action LIKE 'INVITE%'",
          [id],
        );
        expect(audit).toEqual([{ action: 'INVITE_NOT_SENT' }]);

        // Once the server answers again, HR's resendInvite sends one that works.
        smtp.silentAt = undefined;
        const resent = await graphql(t.app, RESEND, { id }, hr());
        expect(resent.errors).toBeUndefined();
        await smtp.waitFor(1);
        expect(errorCode(await graphql(t.app, ACCEPT, { token: tokenOf(1) }))).toBeUndefined();
      });

      it('lets resendInvite answer MAIL_NOT_SENT within the deadline, and change nothing', async () => {
        smtp.silentAt = undefined;
        const hired = await hire();
        await smtp.waitFor(1);
        const id = hired.data!.createEmployee.id;
        const invites = await t.dataSource.query('SELECT id, token_hash, used_at FROM invites ORDER BY id');
        const before = await rowCounts(t.dataSource, ['invites', 'audit_events']);
        await smtp.stop();
        smtp.silentAt = silentAt;
        await smtp.start();

        const { response, ms } = await timed(() => graphql(t.app, RESEND, { id }, hr()));
        expect(ms).toBeLessThan(DEADLINE_MS);
        expect(response.data).toBeNull();
        expect(errorCode(response)).toBe('MAIL_NOT_SENT');
        expect(response.errors![0].extensions!.reason).toMatch(/^the mail server did not answer in time/);
        expect(await t.dataSource.query('SELECT id, token_hash, used_at FROM invites ORDER BY id')).toEqual(invites);
        expect(await rowCounts(t.dataSource, ['invites', 'audit_events'])).toEqual(before);
        expect(errorCode(await graphql(t.app, ACCEPT, { token: tokenOf(1) }))).toBeUndefined();
      });
    },
  );

  it('does not let a link work that createEmployee reported NOT_SENT, though the server took its email late', async () => {
    // The whole message arrives, but the server's "250 OK" comes after the request had to answer.
    smtp.delayMs = DEADLINE_MS + 500;
    const { response, ms } = await timed(() => hire());
    expect(ms).toBeLessThan(DEADLINE_MS);
    expect(response.data!.createEmployee.invite.status).toBe('NOT_SENT');
    await smtp.waitFor(1, DEADLINE_MS + 2000);
    const accepted = await graphql(t.app, ACCEPT, { token: tokenOf(1) });
    expect(errorCode(accepted)).toBe('BAD_USER_INPUT');
    expect(accepted.errors![0].message).toMatch(/ask your manager for a new one/);
  });

  it('still delivers through a server that is slow but answers within the deadline', async () => {
    smtp.rcptDelayMs = 800;
    const { response, ms } = await timed(() => hire());
    expect(ms).toBeGreaterThanOrEqual(800);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createEmployee.invite).toEqual({ status: 'SENT', notSentReason: null });
    await smtp.waitFor(1);

    const resent = await graphql(t.app, RESEND, { id: response.data!.createEmployee.id }, hr());
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.resendInvite.sentTo).toBe('nia@example.test');
    await smtp.waitFor(2);
    expect(errorCode(await graphql(t.app, ACCEPT, { token: tokenOf(2) }))).toBeUndefined();
  });
});
