import { createHash } from 'node:crypto';
import request from 'supertest';
import { EMPLOYEE_CSV_COLUMNS } from '@lp/organisation';
import {
  asDeadlockVictim,
  buildCourse,
  buildEmployee,
  buildOrgChart,
  buildProgramAssignment,
  createTestApp,
  deactivationCycle,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const IMPORT = `mutation ($csv: String!, $deactivateMissing: Boolean) {
  importEmployees(csv: $csv, deactivateMissing: $deactivateMissing) {
    created updated unchanged deactivated errorCount errors { line message }
  }
}`;
const HEADER = EMPLOYEE_CSV_COLUMNS.join(',');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
/** JSON columns come back parsed from MySQL 8 and as text from MariaDB. */
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

describe('importEmployees', () => {
  let t: TestApp;
  let chart: OrgChart;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    // Midday UTC: the same calendar day in every zone of the chart's stores, as the hire dates
    // and due days these tests compare are that day in each store's zone.
    t.clock.set(new Date('2026-03-02T12:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
    hr = t.tokenFor(chart.people.hr);
  });

  const run = async (text: string, deactivateMissing = false, token = hr) => {
    const response = await graphql(t.app, IMPORT, { csv: text, deactivateMissing }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.importEmployees;
  };
  const countOf = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);
  const employee = async (number: string) =>
    (
      await t.dataSource.query(
        `SELECT e.id, e.email, e.first_name, e.role, e.active, s.code AS store, j.code AS job_role,
                DATE_FORMAT(e.hire_date, '%Y-%m-%d') AS hire_date, e.terminated_at
           FROM employees e JOIN stores s ON s.id = e.store_id JOIN job_roles j ON j.id = e.job_role_id
          WHERE e.employee_number = ?`,
        [number],
      )
    )[0];
  const line = (
    person: { employeeNumber: string; firstName: string; lastName: string; email: string | null },
    rest: string,
  ) => `${person.employeeNumber},${person.firstName},${person.lastName},${person.email ?? ''},${rest}`;

  it('hires new people, gives new managers their store, audits each, and sends no invite', async () => {
    const { n1, s1 } = chart.stores;
    const result = await run(
      csv(
        `N-1,Ada,Lovelace,Ada@Example.test,cashier,${n1.code},,2026-02-01`,
        `N-2,Grace,Hopper,,LP_OFFICER,${s1.code},STORE_MANAGER,`,
      ),
    );
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0, deactivated: 0, errorCount: 0, errors: [] });
    expect(await employee('N-1')).toMatchObject({
      email: 'ada@example.test',
      role: 'EMPLOYEE',
      store: n1.code,
      job_role: 'CASHIER',
      hire_date: '2026-02-01',
      active: 1,
    });
    const grace = await employee('N-2');
    expect(grace).toMatchObject({ role: 'STORE_MANAGER', hire_date: t.clock.now().toISOString().slice(0, 10) });
    expect(await t.dataSource.query('SELECT store_id FROM store_managers WHERE employee_id = ?', [grace.id])).toEqual([
      { store_id: s1.id },
    ]);
    const actions = await t.dataSource.query('SELECT action, actor_id FROM audit_events ORDER BY id');
    expect(actions).toEqual([
      { action: 'EMPLOYEE_CREATED', actor_id: chart.people.hr.id },
      { action: 'EMPLOYEE_CREATED', actor_id: chart.people.hr.id },
      { action: 'EMPLOYEES_IMPORTED', actor_id: chart.people.hr.id },
    ]);
    expect((await rowCounts(t.dataSource, ['invites'])).invites).toBe(0);
  });

  it('gives new hires in a programme’s audience the same assignments as a hire through the API', async () => {
    const { n1, s1 } = chart.stores;
    const courses = [await buildCourse(t.dataSource), await buildCourse(t.dataSource)];
    const program = await graphql(
      t.app,
      `
        mutation ($input: CreateCertificationProgramInput!) {
          createCertificationProgram(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          code: 'LPF',
          name: 'LP Foundations',
          courseIds: courses.map((c) => c.course.id),
          validityMonths: 12,
          recertifyWindowDays: 60,
          requiredJobRoleCodes: ['CASHIER'],
        },
      },
      hr,
    );
    expect(program.errors).toBeUndefined();
    const hired = await graphql(
      t.app,
      'mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
      {
        input: { employeeNumber: 'API-1', firstName: 'Api', lastName: 'Hire', jobRoleCode: 'CASHIER', storeId: n1.id },
      },
      hr,
    );
    expect(hired.errors).toBeUndefined();

    const result = await run(
      csv(
        `N-1,Ada,Lovelace,,CASHIER,${n1.code},,2026-02-01`,
        `N-2,Grace,Hopper,,CASHIER,${s1.code},,2026-02-01`,
        `N-3,Alan,Turing,,SALES_ASSOCIATE,${n1.code},,2026-02-01`,
      ),
    );
    expect(result.created).toBe(3);
    const assignmentsOf = async (number: string) =>
      t.dataSource.query(
        `SELECT a.course_id, a.program_id, a.status, a.reason, a.due_at
           FROM assignments a JOIN employees e ON e.id = a.employee_id
          WHERE e.employee_number = ? ORDER BY a.course_id`,
        [number],
      );
    const byApi = await assignmentsOf('API-1');
    expect(byApi).toHaveLength(2);
    expect(byApi.map((a: { course_id: number }) => a.course_id)).toEqual(
      courses.map((c) => c.course.id).sort((a, b) => a - b),
    );
    expect(await assignmentsOf('N-1')).toEqual(byApi);
    // Due at the end of the same day in Madrid, an hour ahead of London.
    expect(await assignmentsOf('N-2')).toEqual(
      byApi.map((a: { due_at: Date }) => ({ ...a, due_at: new Date(a.due_at.getTime() - 3_600_000) })),
    );
    expect(await assignmentsOf('N-3')).toEqual([]);
  });

  it('keeps one employee per number and one open assignment per course when the same file is imported twice at once', async () => {
    const { n1 } = chart.stores;
    const courses = [await buildCourse(t.dataSource), await buildCourse(t.dataSource)];
    const program = await graphql(
      t.app,
      `
        mutation ($input: CreateCertificationProgramInput!) {
          createCertificationProgram(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          code: 'RACE',
          name: 'Race programme',
          courseIds: courses.map((c) => c.course.id),
          validityMonths: 12,
          recertifyWindowDays: 60,
          requiredJobRoleCodes: ['CASHIER'],
        },
      },
      hr,
    );
    expect(program.errors).toBeUndefined();
    const file = csv(...Array.from({ length: 50 }, (_, i) => `R-${i},Racing,Hire${i},,CASHIER,${n1.code},,2026-02-01`));

    const answers = await Promise.all(
      [1, 2, 3].map(() => graphql(t.app, IMPORT, { csv: file, deactivateMissing: false }, hr)),
    );
    for (const answer of answers) {
      // Each import commits whole or not at all; a loser of the race is told to try again.
      if (answer.errors) expect(errorCode(answer)).toBe('CONFLICT');
    }
    expect(answers.some((answer) => answer.data?.importEmployees.created === 50)).toBe(true);

    expect(await countOf(`SELECT COUNT(*) AS n FROM employees WHERE employee_number LIKE 'R-%'`)).toBe(50);
    expect(
      await countOf(`SELECT COUNT(*) AS n FROM assignments a JOIN employees e ON e.id = a.employee_id
                      WHERE e.employee_number LIKE 'R-%' AND a.status IN ('ASSIGNED', 'IN_PROGRESS')`),
    ).toBe(100);
    expect(await countOf(`SELECT COUNT(*) AS n FROM audit_events WHERE action = 'EMPLOYEE_CREATED'`)).toBe(50);
  });

  it('applies transfers and job-role changes with history and audit, and leaves identical lines alone', async () => {
    const { employee: cashier, colleague, manager } = chart.people;
    const { n1, s1 } = chart.stores;
    const result = await run(
      csv(
        line(cashier, `LP_OFFICER,${n1.code},,`),
        line(colleague, `SALES_ASSOCIATE,${s1.code},,`),
        line(manager, `STORE_MANAGER,${n1.code},,`),
      ),
    );
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 1, deactivated: 0 });

    const history = await t.dataSource.query(
      'SELECT employee_id, kind, from_value, to_value, changed_by_id FROM employee_changes ORDER BY employee_id, kind',
    );
    expect(history).toEqual([
      {
        employee_id: cashier.id,
        kind: 'JOB_ROLE',
        from_value: 'CASHIER',
        to_value: 'LP_OFFICER',
        changed_by_id: chart.people.hr.id,
      },
      {
        employee_id: colleague.id,
        kind: 'STORE',
        from_value: String(n1.id),
        to_value: String(s1.id),
        changed_by_id: chart.people.hr.id,
      },
    ]);
    const [audit] = await t.dataSource.query(
      "SELECT store_id, `before`, `after` FROM audit_events WHERE action = 'EMPLOYEE_UPDATED' AND subject_id = ?",
      [String(colleague.id)],
    );
    expect(audit.store_id).toBe(s1.id);
    expect(json(audit.before).storeId).toBe(n1.id);
    expect(json(audit.after).storeId).toBe(s1.id);
  });

  it('takes a transferred store manager’s default scope along, and resets scope on a role change', async () => {
    const { manager, employee: cashier } = chart.people;
    const { n2 } = chart.stores;
    await run(
      csv(
        line(manager, `STORE_MANAGER,${n2.code},,`),
        line(cashier, `CASHIER,${chart.stores.n1.code},REGIONAL_MANAGER,`),
      ),
    );
    expect(await t.dataSource.query('SELECT store_id FROM store_managers WHERE employee_id = ?', [manager.id])).toEqual(
      [{ store_id: n2.id }],
    );
    expect(
      await t.dataSource.query('SELECT region_id FROM region_managers WHERE employee_id = ?', [cashier.id]),
    ).toEqual([{ region_id: chart.regions.north.id }]);
  });

  it('takes emails that differ by an accent or ß = ss for the different addresses they are', async () => {
    const { n1 } = chart.stores;
    await buildEmployee(t.dataSource, { storeId: n1.id, email: 'strasse@example.test' });
    const result = await run(
      csv(
        `A-1,Jose,Diaz,jose@example.test,CASHIER,${n1.code},,`,
        `A-2,José,Díaz,josé@example.test,CASHIER,${n1.code},,`,
        `A-3,Jörg,Straße,straße@example.test,CASHIER,${n1.code},,`,
      ),
    );
    expect(result).toMatchObject({ created: 3, errorCount: 0 });
    expect((await employee('A-2')).email).toBe('josé@example.test');
    expect((await employee('A-3')).email).toBe('straße@example.test');
  });

  it('reactivates someone listed again', async () => {
    const { colleague } = chart.people;
    await t.dataSource.query('UPDATE employees SET active = 0, terminated_at = NOW() WHERE id = ?', [colleague.id]);
    expect(await run(csv(line(colleague, `SALES_ASSOCIATE,${chart.stores.n1.code},,`)))).toMatchObject({ updated: 1 });
    expect(await employee(colleague.employeeNumber)).toMatchObject({ active: 1, terminated_at: null });
  });

  it('ends the sessions of someone who leaves, for good: re-hired, they sign in again', async () => {
    const { colleague } = chart.people;
    const taken = t.tokenFor(colleague);
    const deactivated = await graphql(
      t.app,
      'mutation ($id: ID!) { deactivateEmployee(id: $id) { id } }',
      { id: colleague.id },
      hr,
    );
    expect(deactivated.errors).toBeUndefined();
    expect(await run(csv(line(colleague, `SALES_ASSOCIATE,${chart.stores.n1.code},,`)))).toMatchObject({ updated: 1 });

    const me = await graphql(t.app, '{ me { id } }', {}, taken);
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the sessions and invite links of everyone whose address it changes or who leaves, however many', async () => {
    const people = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        employeeNumber: `${prefix}-${i}`,
        firstName: 'Sam',
        lastName: `${prefix}${i}`,
        email: `${prefix.toLowerCase()}${i}@example.test`,
      }));
    const [renamed, leaving, staying] = [people('NEW', 600), people('GONE', 600), people('STAY', 5)];
    const { n1 } = chart.stores;
    const hired = await run(csv(...[...renamed, ...leaving, ...staying].map((p) => line(p, `CASHIER,${n1.code},,`))));
    expect(hired).toMatchObject({ created: 1205, errorCount: 0 });
    // Each has a password, an invite link still open and a session.
    const ids = new Map<string, number>(
      (
        await t.dataSource.query("SELECT id, employee_number FROM employees WHERE employee_number REGEXP '-[0-9]+$'")
      ).map((row: { id: number; employee_number: string }) => [row.employee_number, row.id]),
    );
    const idOf = (p: { employeeNumber: string }) => ids.get(p.employeeNumber)!;
    await t.dataSource.query("UPDATE employees SET password_hash = 'a hash' WHERE id IN (?)", [[...ids.values()]]);
    const link = (id: number) => `link-of-${id}`.padEnd(43, 'A');
    await t.dataSource.query('INSERT INTO invites (employee_id, token_hash, expires_at, created_at) VALUES ?', [
      [...ids.values()].map((id) => [
        id,
        createHash('sha256').update(link(id)).digest('hex'),
        '2099-01-01',
        new Date(),
      ]),
    ]);
    const sessions = new Map([...ids.values()].map((id) => [id, t.tokenFor({ id })]));

    const moved = await run(
      csv(
        ...renamed.map((p) =>
          line({ ...p, email: `${p.firstName}.${p.lastName}@new.example.test` }, `CASHIER,${n1.code},,`),
        ),
        ...staying.map((p) => line(p, `CASHIER,${n1.code},,`)),
      ),
      true,
    );
    // The chart's people but the importer and the admin leave too.
    expect(moved).toMatchObject({ updated: 600, unchanged: 5, deactivated: 607, errorCount: 0 });

    const state = async (group: { employeeNumber: string }[]) =>
      (
        await t.dataSource.query(
          `SELECT e.token_version, e.password_hash, COUNT(DISTINCT e.id) AS people, COUNT(i.id) AS open_links
             FROM employees e LEFT JOIN invites i ON i.employee_id = e.id AND i.used_at IS NULL
            WHERE e.id IN (?) GROUP BY e.token_version, e.password_hash`,
          [group.map(idOf)],
        )
      ).map((row: { token_version: number; password_hash: string | null; people: string; open_links: string }) => ({
        tokenVersion: row.token_version,
        passwordHash: row.password_hash,
        people: Number(row.people),
        openLinks: Number(row.open_links),
      }));
    expect(await state(renamed)).toEqual([{ tokenVersion: 1, passwordHash: null, people: 600, openLinks: 0 }]);
    expect(await state(leaving)).toEqual([{ tokenVersion: 1, passwordHash: 'a hash', people: 600, openLinks: 0 }]);
    expect(await state(staying)).toEqual([{ tokenVersion: 0, passwordHash: 'a hash', people: 5, openLinks: 5 }]);
    const me = async (id: number) => errorCode(await graphql(t.app, '{ me { id } }', {}, sessions.get(id)!));
    const accept = async (id: number) =>
      errorCode(
        await graphql(
          t.app,
          'mutation ($token: String!, $password: String!) { acceptInvite(token: $token, password: $password) { accessToken } }',
          { token: link(id), password: 'a new passphrase of mine' },
        ),
      );
    for (const p of [renamed[0], renamed[599], leaving[0], leaving[599]]) {
      expect(await me(idOf(p))).toBe('UNAUTHENTICATED');
      expect(await accept(idOf(p))).toBe('BAD_USER_INPUT');
    }
    expect(await me(idOf(staying[0]))).toBeUndefined();
    expect(await accept(idOf(staying[0]))).toBeUndefined();
  }, 60_000);

  it('with deactivateMissing, deactivates the active people not listed — never admins nor the importer', async () => {
    const { employee: cashier, colleague } = chart.people;
    const result = await run(
      csv(
        line(cashier, `CASHIER,${chart.stores.n1.code},,`),
        line(colleague, `SALES_ASSOCIATE,${chart.stores.n1.code},,`),
      ),
      true,
    );
    // 9 people in the chart: 2 listed, the admin and the importing HR kept.
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 2, deactivated: 5 });
    const active = await t.dataSource.query('SELECT id FROM employees WHERE active = 1 ORDER BY id');
    expect(active.map((r: { id: number }) => r.id).sort()).toEqual(
      [chart.people.admin.id, chart.people.hr.id, cashier.id, colleague.id].sort(),
    );
    expect(
      await countOf("SELECT COUNT(*) AS n FROM employee_changes WHERE kind = 'ACTIVE' AND to_value = 'false'"),
    ).toBe(5);
  });

  it('imports again, whole, when InnoDB rolls the import back to break a deadlock with the worker', async () => {
    const { employee: cashier, colleague: leaver } = chart.people;
    const assignment = await buildProgramAssignment(t.dataSource, leaver.id);

    // The import, deactivating the leaver, takes the place of the deactivation in the cycle.
    const response = await asDeadlockVictim(t.dataSource, deactivationCycle(leaver.id, assignment.id), () =>
      graphql(
        t.app,
        IMPORT,
        { csv: csv(line(cashier, `CASHIER,${chart.stores.n1.code},,`)), deactivateMissing: true },
        hr,
      ),
    );

    expect(response.errors).toBeUndefined();
    const { deactivated } = response.data!.importEmployees;
    expect(await employee(leaver.employeeNumber)).toMatchObject({ active: 0 });
    expect(
      await countOf(`SELECT COUNT(*) AS n FROM assignments WHERE id = ${assignment.id} AND status = 'CANCELLED'`),
    ).toBe(1);
    // Written once: the rolled-back run left nothing behind.
    expect(
      await countOf("SELECT COUNT(*) AS n FROM employee_changes WHERE kind = 'ACTIVE' AND to_value = 'false'"),
    ).toBe(deactivated);
    expect(await countOf("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'EMPLOYEES_IMPORTED'")).toBe(1);
  });

  it('without deactivateMissing, leaves the people not listed alone', async () => {
    const result = await run(csv(line(chart.people.employee, `CASHIER,${chart.stores.n1.code},,`)));
    expect(result.deactivated).toBe(0);
    expect(await countOf('SELECT COUNT(*) AS n FROM employees WHERE active = 1')).toBe(9);
  });

  describe('refuses a file with any bad line, writing nothing', () => {
    async function expectNothingWritten(text: string, deactivateMissing = false) {
      const before = await rowCounts(t.dataSource, [
        'employees',
        'employee_changes',
        'audit_events',
        'store_managers',
        'region_managers',
        'invites',
      ]);
      const activeBefore = await t.dataSource.query(
        'SELECT id, active, store_id, job_role_id FROM employees ORDER BY id',
      );
      const result = await run(text, deactivateMissing);
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0, deactivated: 0 });
      expect(result.errors.length).toBeGreaterThan(0);
      expect(await rowCounts(t.dataSource, Object.keys(before))).toEqual(before);
      expect(await t.dataSource.query('SELECT id, active, store_id, job_role_id FROM employees ORDER BY id')).toEqual(
        activeBefore,
      );
      return result.errors as { line: number; message: string }[];
    }
    const good = () => `GOOD-1,Ok,Person,,CASHIER,${chart.stores.n1.code},,`;

    it('a wrong header', async () => {
      expect(await expectNothingWritten(`number,first,last\n${good()}`)).toEqual([
        { line: 1, message: expect.stringMatching(/^the first line must be the header employee_number,first_name/) },
      ]);
    });
    it('a wrong column count', async () => {
      expect(await expectNothingWritten(csv(good(), 'BAD-1,Too,Few'))).toEqual([
        { line: 3, message: 'expected 8 columns, found 3' },
      ]);
    });
    it('an unknown store or job role', async () => {
      expect(
        await expectNothingWritten(
          csv(good(), 'BAD-1,A,B,,CASHIER,NOPE,,', `BAD-2,A,B,,ASTRONAUT,${chart.stores.n1.code},,`),
        ),
      ).toEqual([
        { line: 3, message: 'store_code NOPE is not a store' },
        { line: 4, message: expect.stringMatching(/^job_role ASTRONAUT is not a job role \(CASHIER, LP_OFFICER/) },
      ]);
    });
    it('an employee number twice in the file, in another case', async () => {
      expect(await expectNothingWritten(csv(good(), good().replace('GOOD-1', 'good-1')))).toEqual([
        { line: 3, message: 'employee_number good-1 is also on line 2' },
      ]);
    });
    it('a malformed email, a bad date, a bad role', async () => {
      const errors = await expectNothingWritten(
        csv(
          good(),
          `B-1,A,B,a@,CASHIER,${chart.stores.n1.code},,`,
          `B-2,A,B,,CASHIER,${chart.stores.n1.code},,31/12/2025`,
          `B-3,A,B,,CASHIER,${chart.stores.n1.code},KING,`,
        ),
      );
      expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
      expect(errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/^email "a@" is not an email address/),
        expect.stringMatching(/^hire_date "31\/12\/2025" is not a date/),
        expect.stringMatching(/^role "KING" must be empty or one of/),
      ]);
    });
    it('HR granting ADMIN, or changing an admin', async () => {
      const { admin } = chart.people;
      expect(
        await expectNothingWritten(
          csv(
            good(),
            `B-1,A,B,,CASHIER,${chart.stores.n1.code},ADMIN,`,
            line(admin, `CASHIER,${chart.stores.n1.code},,`),
          ),
        ),
      ).toEqual([
        { line: 3, message: 'only an admin may grant the ADMIN role' },
        { line: 4, message: `employee ${admin.employeeNumber} is an admin; only an admin may change an admin` },
      ]);
    });
    it('an email twice in the file, in another case', async () => {
      expect(
        await expectNothingWritten(
          csv(
            good(),
            `B-1,A,B,José@Example.test,CASHIER,${chart.stores.n1.code},,`,
            `B-2,A,B,josé@example.test,CASHIER,${chart.stores.n1.code},,`,
          ),
        ),
      ).toEqual([{ line: 4, message: 'email josé@example.test is also on line 3' }]);
    });
    it.each([
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ])('numbered as a text editor does, across a quoted line break, with %s line breaks', async (_, eol) => {
      const n1 = chart.stores.n1.code;
      const file = [HEADER, `B-1,"Ann${eol}Marie",B,,CASHIER,${n1},,`, `B-2,A,B,a@,CASHIER,${n1},,`].join(eol);
      expect((await expectNothingWritten(file)).map((error) => error.line)).toEqual([2, 4]);
    });
    it('an email that belongs to someone else', async () => {
      expect(
        await expectNothingWritten(
          csv(`B-1,A,B,${chart.people.s1Employee.email!.toUpperCase()},CASHIER,${chart.stores.n1.code},,`),
        ),
      ).toEqual([
        {
          line: 2,
          message: `email ${chart.people.s1Employee.email} belongs to employee ${chart.people.s1Employee.employeeNumber.toUpperCase()}`,
        },
      ]);
    });
    it('1 MB of garbage', async () => {
      const garbage = Array.from({ length: 1024 * 1024 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(
        '',
      );
      expect(await expectNothingWritten(garbage)).toEqual([
        { line: 1, message: expect.stringMatching(/^the first line must be the header/) },
      ]);
      const afterHeader = await expectNothingWritten(`${HEADER}\n${garbage.replace(/(.{70})/g, '$1\n')}`);
      expect(afterHeader.length).toBe(100);
    });
    it('a file saved in another encoding than UTF-8, as Excel’s plain “CSV” on Windows is', async () => {
      const windows1252 = Buffer.from(csv(good(), `B-1,Zoë,Müller,,CASHIER,${chart.stores.n1.code},,`), 'latin1');
      // What a browser's File.text() (the web app's import page) makes of those bytes.
      const asTheWebAppSendsIt = new TextDecoder('utf-8').decode(windows1252);
      expect(await expectNothingWritten(asTheWebAppSendsIt)).toEqual([
        {
          line: 3,
          message:
            'not UTF-8 text in first_name, last_name (shown as �): save the file as “CSV UTF-8” and import it again',
        },
      ]);
    });
    it('deactivateMissing with a file that lists nobody', async () => {
      expect(await expectNothingWritten(csv(), true)).toEqual([
        { line: 2, message: 'the file lists no employees; with deactivateMissing it would deactivate everyone' },
      ]);
    });
  });

  it('reports the first 100 errors and how many there were', async () => {
    const bad = Array.from({ length: 300 }, (_, i) => `B-${i},A,B,,CASHIER,NOPE,,`);
    const result = await run(csv(...bad));
    expect(result.errors).toHaveLength(100);
    expect(result.errorCount).toBe(300);
    expect(result.errors[99].line).toBe(101);
  });

  it('refuses a request over the body limit with 413 and BAD_USER_INPUT', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${hr}`)
      .send({ query: IMPORT, variables: { csv: `${HEADER}\n${'x'.repeat(6 * 1024 * 1024)}` } });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors[0].message).toMatch(/larger than 5 MB/);
  });

  it('is for HR and admins only', async () => {
    const text = csv(`N-1,A,B,,CASHIER,${chart.stores.n1.code},,`);
    for (const person of [chart.people.manager, chart.people.regional, chart.people.employee]) {
      const response = await graphql(t.app, IMPORT, { csv: text }, t.tokenFor(person));
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(errorCode(await graphql(t.app, IMPORT, { csv: text }))).toBe('UNAUTHENTICATED');
    expect((await run(text, false, t.tokenFor(chart.people.admin))).created).toBe(1);
  });

  it('imports 10,000 lines in one request, then re-imports them with changes', async () => {
    const stores = [chart.stores.n1, chart.stores.n2, chart.stores.s1];
    const jobRoles = ['SALES_ASSOCIATE', 'CASHIER', 'LP_OFFICER', 'SUPERVISOR'];
    const lines = (storeShift: number, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const store = stores[(i + (i % 10 === 0 ? storeShift : 0)) % stores.length];
        return `BULK-${i},First${i},Last${i},bulk${i}@example.test,${jobRoles[i % jobRoles.length]},${store.code},,2025-06-01`;
      });

    const first = await run(csv(...lines(0, 10_000)));
    expect(first).toMatchObject({ created: 10_000, updated: 0, errorCount: 0 });
    expect(await countOf("SELECT COUNT(*) AS n FROM employees WHERE employee_number LIKE 'BULK-%'")).toBe(10_000);

    // Every tenth person moves store; the last 500 are gone from the file.
    const second = await run(
      csv(...lines(1, 9_500), ...[chart.people.employee].map((p) => line(p, `CASHIER,${chart.stores.n1.code},,`))),
      true,
    );
    expect(second).toMatchObject({ created: 0, updated: 950, unchanged: 8_551, deactivated: 500 + 6, errorCount: 0 });
    expect(await countOf("SELECT COUNT(*) AS n FROM employee_changes WHERE kind = 'STORE'")).toBe(950);
  }, 180_000); // a heavy test on a shared 2-core machine; its speed is measured by `npm run bench`
});
