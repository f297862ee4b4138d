import { CERTIFICATION_CSV_COLUMNS } from '@lp/certification';
import { EMPLOYEE_CSV_COLUMNS, type EmployeeEntity } from '@lp/organisation';
import {
  buildCourse,
  buildEmployee,
  buildOrgChart,
  buildProgram,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const IMPORT = `mutation ($csv: String!) {
  importCertifications(csv: $csv) { imported lapsed errorCount errors { line message } }
}`;
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const VERIFY = `query ($code: String!) { verifyCertificate(code: $code) { valid status holderName expiresAt } }`;
const COMPLIANCE = `query ($storeId: ID!) {
  storeCompliance(storeId: $storeId) { programs { program { code } required certified expiringSoon expired missing } }
}`;
const HEADER = CERTIFICATION_CSV_COLUMNS.join(',');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
const WRITTEN = ['certifications', 'certificate_sequences', 'audit_events', 'assignments'];

describe('importCertifications', () => {
  let t: TestApp;
  let chart: OrgChart;
  let hr: string;
  /** Cashiers of n1 besides chart.people.employee: the programme's audience there. */
  let c2: EmployeeEntity;
  let c3: EmployeeEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-06-15T09:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
    hr = t.tokenFor(chart.people.hr);
    c2 = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id, jobRoleCode: 'CASHIER' });
    c3 = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id, jobRoleCode: 'CASHIER' });
    const course = await buildCourse(t.dataSource);
    const created = await graphql(
      t.app,
      CREATE_PROGRAM,
      {
        input: {
          code: 'LPF',
          name: 'LP Foundations',
          courseIds: [course.course.id],
          validityMonths: 12,
          recertifyWindowDays: 60,
          requiredJobRoleCodes: ['CASHIER'],
        },
      },
      hr,
    );
    expect(created.errors).toBeUndefined();
  });

  const run = async (text: string, token = hr) => {
    const response = await graphql(t.app, IMPORT, { csv: text }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.importCertifications;
  };
  const certificationOf = async (person: EmployeeEntity) =>
    (
      await t.dataSource.query(
        `SELECT id, certificate_number, verification_code, issued_at, expires_at, source, previous_certification_id,
                current_key, granted_by_id
           FROM certifications WHERE employee_id = ? ORDER BY id DESC LIMIT 1`,
        [person.id],
      )
    )[0];
  const openRuleAssignments = async (person: EmployeeEntity) =>
    Number(
      (
        await t.dataSource.query(
          "SELECT COUNT(*) AS n FROM assignments WHERE employee_id = ? AND reason = 'RULE' AND open_key IS NOT NULL",
          [person.id],
        )
      )[0].n,
    );

  it('imports valid and expired certificates, dated in the holder’s zone, verifiable, counted by storeCompliance', async () => {
    const { employee, s1Employee } = chart.people;
    expect(await openRuleAssignments(employee)).toBe(1);

    const result = await run(
      csv(
        `${employee.employeeNumber},LPF,2026-01-10,,OLD-123`,
        `${c2.employeeNumber},LPF,2024-03-01,2025-03-01,`,
        `${s1Employee.employeeNumber.toLowerCase()},lpf,2026-06-01,2027-05-31,`,
      ),
    );
    expect(result).toEqual({ imported: 3, lapsed: 1, errorCount: 0, errors: [] });

    // n1 is in London (GMT in winter), s1 in Madrid (CEST in summer).
    expect(await certificationOf(employee)).toMatchObject({
      certificate_number: 'OLD-123',
      issued_at: new Date('2026-01-10T00:00:00Z'),
      expires_at: new Date('2027-01-10T00:00:00Z'),
      source: 'IMPORT',
      previous_certification_id: null,
      current_key: expect.any(Number),
    });
    expect(await certificationOf(c2)).toMatchObject({
      certificate_number: 'LPF-2024-000001',
      issued_at: new Date('2024-03-01T00:00:00Z'),
      expires_at: new Date('2025-03-01T23:59:59Z'),
    });
    expect(await certificationOf(s1Employee)).toMatchObject({
      certificate_number: 'LPF-2026-000001',
      issued_at: new Date('2026-05-31T22:00:00Z'),
      expires_at: new Date('2027-05-31T21:59:59Z'),
    });

    // A valid certificate closes the rule's open work; a lapsed one leaves it to be done.
    expect(await openRuleAssignments(employee)).toBe(0);
    expect(await openRuleAssignments(s1Employee)).toBe(0);
    expect(await openRuleAssignments(c2)).toBe(1);
    expect(await openRuleAssignments(c3)).toBe(1);

    const verify = async (person: EmployeeEntity) =>
      (await graphql(t.app, VERIFY, { code: (await certificationOf(person)).verification_code })).data!
        .verifyCertificate;
    expect(await verify(employee)).toMatchObject({ valid: true, status: 'ACTIVE' });
    expect(await verify(c2)).toMatchObject({ valid: false, status: 'EXPIRED' });
    expect(await verify(s1Employee)).toMatchObject({ valid: true, status: 'ACTIVE' });

    const figures = async (storeId: number) =>
      (await graphql(t.app, COMPLIANCE, { storeId }, hr)).data!.storeCompliance.programs;
    expect(await figures(chart.stores.n1.id)).toEqual([
      { program: { code: 'LPF' }, required: 3, certified: 1, expiringSoon: 0, expired: 1, missing: 1 },
    ]);
    expect(await figures(chart.stores.s1.id)).toEqual([
      { program: { code: 'LPF' }, required: 1, certified: 1, expiringSoon: 0, expired: 0, missing: 0 },
    ]);

    const audit = await t.dataSource.query(
      "SELECT action, actor_id, subject_type FROM audit_events WHERE action IN ('CERTIFICATION_ISSUED', 'CERTIFICATIONS_IMPORTED') ORDER BY id",
    );
    expect(audit).toEqual([
      ...Array(3).fill({ action: 'CERTIFICATION_ISSUED', actor_id: chart.people.hr.id, subject_type: 'Certification' }),
      { action: 'CERTIFICATIONS_IMPORTED', actor_id: chart.people.hr.id, subject_type: 'CertificationImport' },
    ]);
  });

  it('follows a lapsed certificate in the holder’s chain', async () => {
    await run(csv(`${c2.employeeNumber},LPF,2024-03-01,2025-03-01,OLD-2`));
    const lapsed = await certificationOf(c2);

    expect(await run(csv(`${c2.employeeNumber},LPF,2025-09-01,,`))).toMatchObject({ imported: 1, lapsed: 0 });
    const renewed = await certificationOf(c2);
    expect(renewed).toMatchObject({
      previous_certification_id: lapsed.id,
      issued_at: new Date('2025-08-31T23:00:00Z'),
      expires_at: new Date('2026-08-31T23:00:00Z'),
    });
    expect(
      (await t.dataSource.query('SELECT current_key FROM certifications WHERE id = ?', [lapsed.id]))[0].current_key,
    ).toBeNull();
    expect(await openRuleAssignments(c2)).toBe(0);
  });

  it('follows a revoked certificate in the chain only with a certificate dated after the revocation', async () => {
    const { employee } = chart.people;
    await run(csv(`${employee.employeeNumber},LPF,2026-01-10,,`));
    const revoked = await certificationOf(employee);
    const revoking = await graphql(
      t.app,
      'mutation ($id: ID!) { revokeCertification(id: $id, reason: "Wrong person") { id } }',
      { id: revoked.id },
      hr,
    );
    expect(revoking.errors).toBeUndefined();
    expect(await openRuleAssignments(employee)).toBe(1);

    expect((await run(csv(`${employee.employeeNumber},LPF,2026-06-15,,`))).errors).toEqual([
      {
        line: 2,
        message: `employee ${employee.employeeNumber}'s LPF certificate ${revoked.certificate_number} was revoked on 2026-06-15: the file may only bring one issued after that`,
      },
    ]);
    t.clock.set(new Date('2026-06-16T09:00:00Z'));
    hr = t.tokenFor(chart.people.hr);
    expect(await run(csv(`${employee.employeeNumber},LPF,2026-06-16,,`))).toMatchObject({ imported: 1, lapsed: 0 });
    expect(await certificationOf(employee)).toMatchObject({ previous_certification_id: revoked.id });
    expect(await openRuleAssignments(employee)).toBe(0);
  });

  it('refuses a file with any wrong line, naming each, and writes nothing', async () => {
    const { employee, colleague, s1Employee, n2Employee, manager, regional, s1Manager, admin } = chart.people;
    const gone = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id, active: false });
    await run(
      csv(`${manager.employeeNumber},LPF,2026-01-01,,OLD-1`, `${c2.employeeNumber},LPF,2024-03-01,2025-03-01,OLD-2`),
    );
    const before = await rowCounts(t.dataSource, WRITTEN);

    const result = await run(
      csv(
        'NOPE-1,LPF,2026-01-10,,',
        `${employee.employeeNumber},XYZ,2026-01-10,,`,
        `${employee.employeeNumber},LPF,2026-02-30,,`,
        `${colleague.employeeNumber},LPF,2026-01-10,2025-01-10,`,
        `${s1Employee.employeeNumber},LPF,2026-01-10,,`,
        `${s1Employee.employeeNumber.toLowerCase()},lpf,2025-01-10,,`,
        `${n2Employee.employeeNumber},LPF,2026-07-01,,`,
        `${gone.employeeNumber},LPF,2026-01-10,,`,
        `${manager.employeeNumber},LPF,2026-05-01,,`,
        `${c2.employeeNumber},LPF,2023-01-01,2024-01-01,`,
        `${c3.employeeNumber},LPF,2026-01-10,,old-1`,
        `${regional.employeeNumber},LPF,2026-01-10,,LPF-2025-000007`,
        `${s1Manager.employeeNumber},LPF,2026-01-10,,X-9`,
        `${admin.employeeNumber},LPF,2026-01-10,,x-9`,
        `${chart.people.hr.employeeNumber},LPF,2026-01-10,`,
      ),
    );
    // Lines wrong in themselves stop the file before the database is asked about the others.
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      { line: 4, message: 'issued_on "2026-02-30" is not a date such as 2026-03-01' },
      { line: 5, message: 'expires_on 2025-01-10 is not after issued_on 2026-01-10' },
      {
        line: 7,
        message: `employee ${s1Employee.employeeNumber.toLowerCase()} has a LPF certificate on line 6 too: give each person’s latest certificate of a programme, once`,
      },
      {
        line: 13,
        message:
          "certificate_number LPF-2025-000007 has the form of LP Academy's own numbers (LPF-2026-000123), which it may hand out again: leave it empty to get a new one, or keep the old system’s prefix",
      },
      { line: 15, message: 'certificate_number x-9 is also on line 14' },
      { line: 16, message: 'expected 5 columns, found 4' },
    ]);
    expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);

    // The same file without the lines wrong in themselves: what only the database can say.
    const checked = await run(
      csv(
        'NOPE-1,LPF,2026-01-10,,',
        `${employee.employeeNumber},XYZ,2026-01-10,,`,
        `${s1Employee.employeeNumber},LPF,2026-01-10,,`,
        `${n2Employee.employeeNumber},LPF,2026-07-01,,`,
        `${gone.employeeNumber},LPF,2026-01-10,,`,
        `${manager.employeeNumber},LPF,2026-05-01,,`,
        `${c2.employeeNumber},LPF,2023-01-01,2024-01-01,`,
        `${c3.employeeNumber},LPF,2026-01-10,,old-1`,
      ),
    );
    expect(checked.errors).toEqual([
      { line: 2, message: 'employee_number NOPE-1 is not an employee' },
      { line: 3, message: 'program_code XYZ is not a programme (LPF)' },
      { line: 5, message: 'issued_on 2026-07-01 is in the future (today is 2026-06-15)' },
      { line: 6, message: `employee ${gone.employeeNumber} is deactivated; certifications go to active employees` },
      {
        line: 7,
        message: `employee ${manager.employeeNumber} already holds a valid LPF certificate (OLD-1, issued 2026-01-01, valid until 2027-01-01): leave this line out`,
      },
      {
        line: 8,
        message: `employee ${c2.employeeNumber}'s LPF certificate OLD-2 (issued 2024-03-01) is newer: the file may only bring a later one`,
      },
      { line: 9, message: "certificate_number old-1 is already a certificate's number" },
    ]);
    expect(checked.errorCount).toBe(7);
    expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
  });

  it('refuses a wrong header and text that is not UTF-8', async () => {
    const { employee } = chart.people;
    expect((await run(`employee_number,program,issued_on\n${employee.employeeNumber},LPF,2026-01-10`)).errors).toEqual([
      {
        line: 1,
        message: `the first line must be the header ${HEADER}; found "employee_number,program,issued_on"`,
      },
    ]);
    expect((await run(csv(`${employee.employeeNumber},LPF,2026-01-10,,N\uFFFD1`))).errors).toEqual([
      {
        line: 2,
        message:
          'not UTF-8 text in certificate_number (shown as \uFFFD): save the file as “CSV UTF-8” and import it again',
      },
    ]);
    expect((await rowCounts(t.dataSource, ['certifications'])).certifications).toBe(0);
  });

  it('is for HR and admins only', async () => {
    const text = csv(`${chart.people.employee.employeeNumber},LPF,2026-01-10,,`);
    for (const person of [chart.people.manager, chart.people.regional, chart.people.employee]) {
      expect(errorCode(await graphql(t.app, IMPORT, { csv: text }, t.tokenFor(person)))).toBe('FORBIDDEN');
    }
    expect(errorCode(await graphql(t.app, IMPORT, { csv: text }))).toBe('UNAUTHENTICATED');
    expect((await run(text, t.tokenFor(chart.people.admin))).imported).toBe(1);
  });

  it('imports 10,000 lines in one request, each with its own number and verification code', async () => {
    const people = Array.from(
      { length: 10_000 },
      (_, i) => `BULK-${i},First${i},Last${i},,SALES_ASSOCIATE,${chart.stores.n2.code},,2020-01-01`,
    );
    const hired = await graphql(
      t.app,
      'mutation ($csv: String!) { importEmployees(csv: $csv) { created errorCount } }',
      { csv: [EMPLOYEE_CSV_COLUMNS.join(','), ...people].join('\n') },
      hr,
    );
    expect(hired.data!.importEmployees).toEqual({ created: 10_000, errorCount: 0 });
    const program = await buildProgram(t.dataSource, { code: 'LPO' });

    const started = Date.now();
    const result = await run(
      csv(...Array.from({ length: 10_000 }, (_, i) => `BULK-${i},LPO,${i % 2 ? '2026-02-01' : '2024-02-01'},,`)),
    );
    expect(result).toEqual({ imported: 10_000, lapsed: 5_000, errorCount: 0, errors: [] });
    expect(Date.now() - started).toBeLessThan(60_000);
    const [counts] = await t.dataSource.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT verification_code) AS codes, COUNT(DISTINCT certificate_number) AS numbers,
              MAX(certificate_number) AS last
         FROM certifications WHERE program_id = ?`,
      [program.id],
    );
    expect(counts).toMatchObject({ codes: 10_000, numbers: 10_000, last: 'LPO-2026-005000' });
    expect(Number(counts.n)).toBe(10_000);
  }, 180_000); // a heavy test on a shared 2-core machine
});
