import request from 'supertest';
import { EMPLOYEE_CSV_COLUMNS } from '@lp/organisation';
import {
  buildEmployee,
  buildOrgChart,
  createTestApp,
  errorCode,
  eventually,
  graphql,
  type OrgChart,
  rowCounts,
  SmtpCapture,
  type TestApp,
} from '@lp/testing';

const CREATE = `mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) {
  acceptInvite(token: $token, password: $password) { accessToken user { id email } }
}`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
const RESEND = `mutation ($id: ID!) { resendInvite(employeeId: $id) { sentTo expiresAt employee { id } } }`;

describe('invites', () => {
  const smtp = new SmtpCapture();
  let t: TestApp;
  let chart: OrgChart;

  beforeAll(async () => {
    await smtp.start();
    // A relay that stops answering is given up on after 2 s here (60 s by default).
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, APP_URL: 'https://academy.example.test', SMTP_TIMEOUT_SECONDS: '2' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await t.reset();
    smtp.clear();
    chart = await buildOrgChart(t.dataSource);
  });

  const hr = () => t.tokenFor(chart.people.hr);
  /** The token of the link in the n-th email (1-based), once it has arrived. */
  async function tokenFromEmail(n: number): Promise<string> {
    await smtp.waitFor(n);
    const link = /https:\/\/academy\.example\.test\/accept-invite\?token=([A-Za-z0-9_-]+)/.exec(
      smtp.messages[n - 1].text ?? '',
    );
    expect(link).not.toBeNull();
    return decodeURIComponent(link![1]);
  }
  const hire = (email: string) =>
    graphql(
      t.app,
      CREATE,
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
  const accept = (token: string, password = 'a brand new password') => graphql(t.app, ACCEPT, { token, password });

  it('emails a new hire a link; accepting it sets the password, which then signs in', async () => {
    const hired = await hire('nia@example.test');
    expect(hired.errors).toBeUndefined();
    const token = await tokenFromEmail(1);
    expect(smtp.messages[0].to).toMatchObject({ text: 'nia@example.test' });
    expect(smtp.messages[0].subject).toBe('Your LP Academy account');
    expect(smtp.messages[0].text).toContain('Hello Nia');

    const accepted = await accept(token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvite.user).toEqual({ id: hired.data!.createEmployee.id, email: 'nia@example.test' });
    const me = await graphql(t.app, '{ me { email } }', {}, accepted.data!.acceptInvite.accessToken);
    expect(me.data!.me.email).toBe('nia@example.test');

    const login = await graphql(t.app, LOGIN, { email: 'nia@example.test', password: 'a brand new password' });
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.accessToken).toEqual(expect.any(String));
  });

  it("gives the link's expiry in the time of the invitee's store, as the other emails do", async () => {
    await t.dataSource.query("UPDATE stores SET timezone = 'Asia/Tokyo' WHERE id = ?", [chart.stores.n1.id]);
    t.clock.set(new Date('2026-03-02T20:00:00Z'));
    try {
      const hired = await hire('nia@example.test');
      await smtp.waitFor(1);
      await graphql(t.app, RESEND, { id: hired.data!.createEmployee.id }, hr());
      await smtp.waitFor(2);
    } finally {
      t.clock.set(new Date());
    }
    // 72 hours on: 20:00 UTC on 5 March is 05:00 on 6 March in Tokyo.
    for (const email of smtp.messages) {
      expect(email.text).toContain('The link works once and expires on Friday, 6 March 2026 at 05:00 Tokyo time.');
      expect(email.html).toContain('expires on Friday, 6 March 2026 at 05:00 Tokyo time.');
    }
  });

  it('ends a lock-out: the new password signs in at once', async () => {
    await hire('nia@example.test');
    const token = await tokenFromEmail(1);
    for (let i = 0; i < 5; i++) await graphql(t.app, LOGIN, { email: 'nia@example.test', password: `guess ${i}` });
    const locked = await graphql(t.app, LOGIN, { email: 'nia@example.test', password: 'guess 5' });
    expect(errorCode(locked)).toBe('TOO_MANY_REQUESTS');
    expect(errorCode(await accept(token))).toBeUndefined();
    const login = await graphql(t.app, LOGIN, { email: 'nia@example.test', password: 'a brand new password' });
    expect(login.errors).toBeUndefined();
  });

  it('refuses a used link', async () => {
    await hire('nia@example.test');
    const token = await tokenFromEmail(1);
    expect(errorCode(await accept(token))).toBeUndefined();
    const again = await accept(token, 'an attacker password');
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await graphql(t.app, LOGIN, { email: 'nia@example.test', password: 'an attacker password' })),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired link, and one of someone deactivated since', async () => {
    await hire('nia@example.test');
    await hire('omar@example.test');
    const expired = await tokenFromEmail(1);
    const deactivated = await tokenFromEmail(2);
    await t.dataSource.query("UPDATE employees SET active = 0 WHERE email = 'omar@example.test'");
    expect(errorCode(await accept(deactivated))).toBe('BAD_USER_INPUT');
    t.clock.advanceDays(3);
    t.clock.advanceMinutes(1);
    const response = await accept(expired);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(/invalid, used or expired/);
  });

  it('refuses a made-up or malformed token, and a short, overlong or common password', async () => {
    expect(errorCode(await accept('A'.repeat(43)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await accept('short'))).toBe('BAD_USER_INPUT');
    await hire('nia@example.test');
    const token = await tokenFromEmail(1);
    const weak = await accept(token, 'short');
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].extensions!.field).toBe('password');
    const common = await accept(token, 'iloveyou123');
    expect(errorCode(common)).toBe('BAD_USER_INPUT');
    expect(common.errors![0].message).toMatch(/most common passwords/);
    expect(errorCode(await accept(token, 'x'.repeat(129)))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await accept(token, 'a sixty-four character passphrase is accepted without any fuss!!')),
    ).toBeUndefined();
  });

  describe('voids the links sent to an address HR corrects or removes, or of someone who leaves', () => {
    const UPDATE = `mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }`;
    const IMPORT = 'mutation ($csv: String!) { importEmployees(csv: $csv) { updated errorCount } }';

    /** Hires Nia, lets HR change her with `change`, and returns what her invite link then answers. */
    async function acceptAfter(change: (id: string) => Promise<void>) {
      const hired = await hire('nia@example.test');
      const token = await tokenFromEmail(1);
      await change(hired.data!.createEmployee.id);
      return accept(token, 'an attacker password');
    }
    const update = async (id: string, input: Record<string, unknown>) => {
      const response = await graphql(t.app, UPDATE, { id, input }, hr());
      expect(response.errors).toBeUndefined();
    };
    const expectVoided = (response: Awaited<ReturnType<typeof accept>>) => {
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].message).toMatch(/invalid, used or expired/);
    };

    it('through updateEmployee', async () => {
      expectVoided(await acceptAfter((id) => update(id, { email: 'nia.okafor@example.test' })));
      expect(
        errorCode(await graphql(t.app, LOGIN, { email: 'nia.okafor@example.test', password: 'an attacker password' })),
      ).toBe('UNAUTHENTICATED');
    });

    it('through updateEmployee removing the email', async () => {
      expectVoided(await acceptAfter((id) => update(id, { email: null })));
    });

    it('through an import line with another email', async () => {
      const response = await acceptAfter(async () => {
        const csv = `${EMPLOYEE_CSV_COLUMNS.join(',')}\nINV-nia,Nia,Okafor,nia.okafor@example.test,CASHIER,${chart.stores.n1.code},,`;
        const imported = await graphql(t.app, IMPORT, { csv }, hr());
        expect(imported.data!.importEmployees).toEqual({ updated: 1, errorCount: 0 });
      });
      expectVoided(response);
    });

    it('through leaving, so that the link does not work again on their return', async () => {
      const response = await acceptAfter(async (id) => {
        const left = await graphql(
          t.app,
          'mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }',
          { id },
          hr(),
        );
        expect(left.data!.deactivateEmployee).toEqual({ active: false });
        const csv = `${EMPLOYEE_CSV_COLUMNS.join(',')}\nINV-nia,Nia,Okafor,nia@example.test,CASHIER,${chart.stores.n1.code},,`;
        const back = await graphql(t.app, IMPORT, { csv }, hr());
        expect(back.data!.importEmployees).toEqual({ updated: 1, errorCount: 0 });
      });
      expectVoided(response);
    });

    it('but not for a change that keeps the address (the control case)', async () => {
      const response = await acceptAfter((id) => update(id, { email: 'NIA@example.test', lastName: 'Okafor-Berg' }));
      expect(response.errors).toBeUndefined();
    });
  });

  describe('an address HR corrects after the invite was accepted (it had gone to a stranger)', () => {
    const UPDATE = `mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }`;
    const me = (token: string) => graphql(t.app, '{ me { email } }', {}, token);
    const login = (email: string, password: string) => graphql(t.app, LOGIN, { email, password });

    /** Hires Nia at a mistyped address, whose holder accepts the invite and signs in twice; their tokens. */
    async function strangerSignedIn(): Promise<{ id: string; tokens: string[] }> {
      const hired = await hire('nia@exmaple.test');
      const accepted = await accept(await tokenFromEmail(1), 'the stranger password');
      const again = await login('nia@exmaple.test', 'the stranger password');
      const tokens = [accepted.data!.acceptInvite.accessToken, again.data!.login.accessToken];
      for (const token of tokens) expect(errorCode(await me(token))).toBeUndefined();
      return { id: hired.data!.createEmployee.id, tokens };
    }

    it('ends their sessions and their password, through updateEmployee; a new invite to the right address works', async () => {
      const { id, tokens } = await strangerSignedIn();
      const corrected = await graphql(t.app, UPDATE, { id, input: { email: 'nia@example.test' } }, hr());
      expect(corrected.errors).toBeUndefined();

      for (const token of tokens) expect(errorCode(await me(token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login('nia@example.test', 'the stranger password'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login('nia@exmaple.test', 'the stranger password'))).toBe('UNAUTHENTICATED');

      const resent = await graphql(t.app, RESEND, { id }, hr());
      expect(resent.data!.resendInvite.sentTo).toBe('nia@example.test');
      const hers = await accept(await tokenFromEmail(2), 'a password of her own');
      expect((await me(hers.data!.acceptInvite.accessToken)).data!.me.email).toBe('nia@example.test');
    });

    it('ends them through an import line with another email too', async () => {
      const { tokens } = await strangerSignedIn();
      const csv = `${EMPLOYEE_CSV_COLUMNS.join(',')}\nINV-nia,Nia,Okafor,nia@example.test,CASHIER,${chart.stores.n1.code},,`;
      const imported = await graphql(
        t.app,
        'mutation ($csv: String!) { importEmployees(csv: $csv) { updated } }',
        { csv },
        hr(),
      );
      expect(imported.data!.importEmployees).toEqual({ updated: 1 });
      for (const token of tokens) expect(errorCode(await me(token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login('nia@example.test', 'the stranger password'))).toBe('UNAUTHENTICATED');
    });

    it('but keeps them for a change that keeps the address (the control case)', async () => {
      const { id, tokens } = await strangerSignedIn();
      const input = { email: 'NIA@exmaple.test', lastName: 'Okafor-Berg' };
      expect((await graphql(t.app, UPDATE, { id, input }, hr())).errors).toBeUndefined();
      for (const token of tokens) expect(errorCode(await me(token))).toBeUndefined();
      expect(errorCode(await login('nia@exmaple.test', 'the stranger password'))).toBeUndefined();
    });
  });

  describe('resendInvite', () => {
    it('emails a new link and voids the old one', async () => {
      const hired = await hire('nia@example.test');
      const old = await tokenFromEmail(1);
      const resent = await graphql(t.app, RESEND, { id: hired.data!.createEmployee.id }, hr());
      expect(resent.errors).toBeUndefined();
      expect(resent.data!.resendInvite.sentTo).toBe('nia@example.test');
      const fresh = await tokenFromEmail(2);
      expect(fresh).not.toBe(old);
      expect(errorCode(await accept(old))).toBe('BAD_USER_INPUT');
      expect(errorCode(await accept(fresh))).toBeUndefined();
      const [audit] = await t.dataSource.query("SELECT actor_id FROM audit_events WHERE action = 'INVITE_SENT'");
      expect(audit.actor_id).toBe(chart.people.hr.id);
    });

    it('signs out the sessions of the old password: a token taken before the reset stops working', async () => {
      const hired = await hire('nia@example.test');
      const first = await accept(await tokenFromEmail(1), 'the password that leaked');
      const stolen = first.data!.acceptInvite.accessToken;
      t.clock.advanceMinutes(1);
      const signedIn = await graphql(t.app, LOGIN, { email: 'nia@example.test', password: 'the password that leaked' });
      const alsoStolen = signedIn.data!.login.accessToken;
      const me = (token: string) => graphql(t.app, '{ me { email } }', {}, token);
      expect(errorCode(await me(alsoStolen))).toBeUndefined();

      t.clock.advanceMinutes(1);
      await graphql(t.app, RESEND, { id: hired.data!.createEmployee.id }, hr());
      expect(errorCode(await me(stolen))).toBeUndefined();
      const reset = await accept(await tokenFromEmail(2), 'a password of her own');
      expect(reset.errors).toBeUndefined();

      for (const token of [stolen, alsoStolen]) {
        const refused = await me(token);
        expect(errorCode(refused)).toBe('UNAUTHENTICATED');
        expect(refused.data).toBeNull();
        const download = await request(t.app.getHttpServer())
          .get('/certificates/1.pdf')
          .set('authorization', `Bearer ${token}`);
        expect(download.status).toBe(401);
      }
      expect((await me(reset.data!.acceptInvite.accessToken)).data!.me.email).toBe('nia@example.test');
      const login = await graphql(t.app, LOGIN, { email: 'nia@example.test', password: 'a password of her own' });
      expect(errorCode(await me(login.data!.login.accessToken))).toBeUndefined();
    });

    it('invites people hired by CSV import, who get no email on import', async () => {
      const csv = `${EMPLOYEE_CSV_COLUMNS.join(',')}\nCSV-1,Lena,Berg,lena@example.test,CASHIER,${chart.stores.n1.code},,`;
      const imported = await graphql(
        t.app,
        'mutation ($csv: String!) { importEmployees(csv: $csv) { created } }',
        { csv },
        hr(),
      );
      expect(imported.data!.importEmployees.created).toBe(1);
      const [{ id }] = await t.dataSource.query("SELECT id FROM employees WHERE employee_number = 'CSV-1'");
      expect(smtp.messages).toHaveLength(0);

      await graphql(t.app, RESEND, { id }, hr());
      expect(errorCode(await accept(await tokenFromEmail(1)))).toBeUndefined();
    });

    it('lets a manager invite the employees of their store, and nobody else', async () => {
      const manager = t.tokenFor(chart.people.manager);
      const ok = await graphql(t.app, RESEND, { id: chart.people.employee.id }, manager);
      expect(ok.errors).toBeUndefined();
      await smtp.waitFor(1);

      const refused = async (id: number | string, code: string, token = manager) => {
        const before = await rowCounts(t.dataSource, ['invites', 'audit_events']);
        const response = await graphql(t.app, RESEND, { id }, token);
        expect(errorCode(response)).toBe(code);
        expect(await rowCounts(t.dataSource, ['invites', 'audit_events'])).toEqual(before);
      };
      await refused(chart.people.s1Employee.id, 'NOT_FOUND');
      await refused(chart.people.n2Employee.id, 'NOT_FOUND');
      await refused(chart.people.hr.id, 'FORBIDDEN');
      await refused(chart.people.manager.id, 'FORBIDDEN');
      await refused(chart.people.colleague.id, 'FORBIDDEN', t.tokenFor(chart.people.employee));
      await refused(chart.people.admin.id, 'FORBIDDEN', hr());
      await refused(999999, 'NOT_FOUND', hr());
      await refused('x', 'BAD_USER_INPUT', hr());

      const regional = t.tokenFor(chart.people.regional);
      expect(errorCode(await graphql(t.app, RESEND, { id: chart.people.manager.id }, regional))).toBeUndefined();
      await refused(chart.people.s1Manager.id, 'NOT_FOUND', regional);
      expect(smtp.messages).toHaveLength(2);
    });

    it('refuses someone without an email or deactivated with BAD_USER_INPUT', async () => {
      const noEmail = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id, email: null });
      const gone = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id, active: false });
      for (const person of [noEmail, gone]) {
        const response = await graphql(t.app, RESEND, { id: person.id }, hr());
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(response.errors![0].extensions!.field).toBe('employeeId');
      }
      expect((await rowCounts(t.dataSource, ['invites'])).invites).toBe(0);
    });
  });

  describe('when the mail server does not take the invite', () => {
    const INVITE_OF = `query ($id: ID!) { employee(id: $id) { invite { status expiresAt notSentReason } } }`;
    const HIRE = `mutation ($input: CreateEmployeeInput!) {
      createEmployee(input: $input) { id invite { status expiresAt notSentReason } }
    }`;

    afterEach(async () => {
      smtp.unknownMailboxes.clear();
      smtp.deferredMailboxes.clear();
      smtp.refuseConnections = undefined;
      smtp.rcptDelayMs = 0;
      smtp.rejectWith = undefined;
      smtp.rejectCode = undefined;
      if (!smtp.listening) await smtp.start();
    });

    /** Each way a server fails to take a message for nia@example.test, and the words it is told in. */
    const failures: [string, () => Promise<void> | void, RegExp][] = [
      [
        'refuses the address (550)',
        () => void smtp.unknownMailboxes.add('nia@example.test'),
        /^the mail server refused nia@example\.test: 550 5\.1\.1 No such mailbox$/,
      ],
      [
        'greylists the address (450)',
        () => void smtp.deferredMailboxes.set('nia@example.test', 1),
        /^the mail server refused nia@example\.test: 450 4\.2\.0 Greylisted, try again later$/,
      ],
      ['is down', () => smtp.stop(), /^the mail server could not be reached: .*ECONNREFUSED/],
      [
        'turns connections away (421)',
        async () => {
          // Restarted first so that the pooled connections go: the server refuses new ones.
          await smtp.stop();
          await smtp.start();
          smtp.refuseConnections = 'Too many connections, try again later';
        },
        /^the mail server refused the connection: 421 Too many connections, try again later$/,
      ],
      [
        'refuses the message (554)',
        () => {
          smtp.rejectWith = 'Message looks like spam';
          smtp.rejectCode = 554;
        },
        /^the mail server refused the message: 554 Message looks like spam$/,
      ],
      ['does not answer in time', () => void (smtp.rcptDelayMs = 5000), /^the mail server did not answer in time/],
    ];

    const invitesNow = () => t.dataSource.query('SELECT id, token_hash, expires_at, used_at FROM invites ORDER BY id');

    it.each(failures)(
      'resendInvite answers MAIL_NOT_SENT and changes nothing when the server %s: the earlier link still works',
      async (_, fail, reason) => {
        const hired = await hire('nia@example.test');
        const old = await tokenFromEmail(1);
        const invites = await invitesNow();
        const before = await rowCounts(t.dataSource, ['invites', 'audit_events']);
        await fail();

        const response = await graphql(t.app, RESEND, { id: hired.data!.createEmployee.id }, hr());
        expect(response.data).toBeNull();
        expect(errorCode(response)).toBe('MAIL_NOT_SENT');
        expect(response.errors![0].extensions!.reason).toMatch(reason);
        expect(response.errors![0].message).toMatch(/^The invite was not sent, and nothing changed: the mail server /);

        expect(await invitesNow()).toEqual(invites);
        expect(await rowCounts(t.dataSource, ['invites', 'audit_events'])).toEqual(before);
        const record = await graphql(t.app, INVITE_OF, { id: hired.data!.createEmployee.id }, hr());
        expect(record.data!.employee.invite).toMatchObject({ status: 'SENT', notSentReason: null });
        expect(errorCode(await accept(old))).toBeUndefined();
      },
    );

    it.each(failures.filter(([how]) => how === 'is down' || how === 'refuses the address (550)'))(
      'createEmployee hires when the server %s, tells HR the invite was not sent, and HR can send it once mended',
      async (_, fail, reason) => {
        await fail();
        const email = 'nia@example.test';
        const input = {
          employeeNumber: 'INV-nia',
          email,
          firstName: 'Nia',
          lastName: 'Okafor',
          jobRoleCode: 'CASHIER',
          storeId: chart.stores.n1.id,
        };
        const hired = await graphql(t.app, HIRE, { input }, hr());
        expect(hired.errors).toBeUndefined();
        const { id, invite } = hired.data!.createEmployee;
        expect(invite).toEqual({
          status: 'NOT_SENT',
          expiresAt: expect.any(String),
          notSentReason: expect.any(String),
        });
        expect(invite.notSentReason).toMatch(reason);
        expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite).toEqual(invite);
        const audit = await t.dataSource.query(
          `SELECT action, actor_id, JSON_UNQUOTE(JSON_EXTRACT(\`after\`, '$.reason')) AS reason
             FROM audit_events WHERE subject_type = 'Employee' AND subject_id = ? AND action LIKE 'INVITE%'`,
          [id],
        );
        expect(audit).toEqual([
          { action: 'INVITE_NOT_SENT', actor_id: chart.people.hr.id, reason: invite.notSentReason },
        ]);

        smtp.unknownMailboxes.clear();
        if (!smtp.listening) await smtp.start();
        const resent = await graphql(t.app, RESEND, { id }, hr());
        expect(resent.errors).toBeUndefined();
        expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite).toMatchObject({
          status: 'SENT',
          notSentReason: null,
        });
        expect(errorCode(await accept(await tokenFromEmail(1)))).toBeUndefined();
      },
    );

    it('tells HR an invite went: createEmployee and the record say SENT until it is used, and the audit log has it', async () => {
      const hired = await graphql(
        t.app,
        HIRE,
        {
          input: {
            employeeNumber: 'INV-nia',
            email: 'nia@example.test',
            firstName: 'Nia',
            lastName: 'Okafor',
            jobRoleCode: 'CASHIER',
            storeId: chart.stores.n1.id,
          },
        },
        hr(),
      );
      const { id, invite } = hired.data!.createEmployee;
      expect(invite).toEqual({ status: 'SENT', expiresAt: expect.any(String), notSentReason: null });
      const [audit] = await t.dataSource.query(
        "SELECT actor_id FROM audit_events WHERE action = 'INVITE_SENT' AND subject_id = ?",
        [id],
      );
      expect(audit.actor_id).toBe(chart.people.hr.id);

      expect(errorCode(await accept(await tokenFromEmail(1)))).toBeUndefined();
      expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite.status).toBe('CLOSED');
      t.clock.advanceDays(4);
      try {
        await graphql(t.app, RESEND, { id }, hr());
        await smtp.waitFor(2);
        expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite.status).toBe('SENT');
        t.clock.advanceDays(4);
        expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite.status).toBe('EXPIRED');
      } finally {
        t.clock.set(new Date());
      }
    });

    it('shows no invite for someone never invited, and the invite only to those who may send one', async () => {
      const { id } = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id });
      expect((await graphql(t.app, INVITE_OF, { id }, hr())).data!.employee.invite).toBeNull();
      const own = await graphql(t.app, INVITE_OF, { id: chart.people.employee.id }, t.tokenFor(chart.people.employee));
      expect(errorCode(own)).toBe('FORBIDDEN');

      // A manager reads the invites of those they may invite, not their own or a peer's.
      const manager = t.tokenFor(chart.people.manager);
      for (const person of [chart.people.employee, chart.people.manager]) {
        await graphql(t.app, RESEND, { id: person.id }, hr());
      }
      const inviteOf = async (id: number) => (await graphql(t.app, INVITE_OF, { id }, manager)).data!.employee.invite;
      expect(await inviteOf(chart.people.employee.id)).toMatchObject({ status: 'SENT' });
      expect(await inviteOf(chart.people.manager.id)).toBeNull();
    });

    it('refuses with CONFLICT, and keeps nothing, when the address changes while the invite is being sent', async () => {
      const hired = await hire('nia@example.test');
      const old = await tokenFromEmail(1);
      const id = hired.data!.createEmployee.id;
      const invites = await rowCounts(t.dataSource, ['invites']);
      // Restarted so that the resend opens a connection the test can see, then hangs at RCPT TO.
      await smtp.stop();
      await smtp.start();
      smtp.clear();
      smtp.rcptDelayMs = 1000;
      const resending = graphql(t.app, RESEND, { id }, hr());
      await eventually(() => Promise.resolve(expect(smtp.connections).toBe(1)));
      const corrected = await graphql(
        t.app,
        'mutation ($id: ID!) { updateEmployee(id: $id, input: { email: "nia.okafor@example.test" }) { id } }',
        { id },
        hr(),
      );
      expect(corrected.errors).toBeUndefined();

      const response = await resending;
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors![0].message).toMatch(/changed while the invite was being sent/);
      await smtp.waitFor(1);
      const [sent] = smtp.messages;
      const link = /accept-invite\?token=([A-Za-z0-9_-]+)/.exec(sent.text ?? '')![1];
      // The email change voided the earlier link; the one that went to the old address never worked.
      expect(errorCode(await accept(decodeURIComponent(link)))).toBe('BAD_USER_INPUT');
      expect(errorCode(await accept(old))).toBe('BAD_USER_INPUT');
      expect(await rowCounts(t.dataSource, ['invites'])).toEqual(invites);
      const sentAudits = await t.dataSource.query("SELECT id FROM audit_events WHERE action = 'INVITE_SENT'");
      expect(sentAudits).toHaveLength(1);
    });
  });
});
