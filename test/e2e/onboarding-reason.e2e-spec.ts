import { EMPLOYEE_CSV_COLUMNS, type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildCourse, buildEmployee, buildStore, createTestApp, graphql, type TestApp } from '@lp/testing';

const CREATE_EMPLOYEE = `mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }`;
const IMPORT = `mutation ($csv: String!) { importEmployees(csv: $csv) { errorCount } }`;
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const MY_ASSIGNMENTS = `{ myAssignments { reason } }`;

/**
 * What the audience rules give at a hire says ONBOARDING only for someone hired within the
 * programme's onboarding period (30 days here) before today in their store's zone: a chain's
 * first import of long-serving staff gets RULE, as HR reading the Reason column expects.
 */
describe('onboarding is for the recently hired', () => {
  let t: TestApp;
  let hr: EmployeeEntity;
  let tokyo: StoreEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    // 08:00 on 1 April 2026 in Tokyo, still 31 March in UTC.
    t.clock.set(new Date('2026-03-31T23:00:00Z'));
    tokyo = await buildStore(t.dataSource, { code: 'TYO', timezone: 'Asia/Tokyo' });
    hr = await buildEmployee(t.dataSource, { role: Role.HR });
    const { course } = await buildCourse(t.dataSource);
    const program = await graphql(
      t.app,
      CREATE_PROGRAM,
      {
        input: {
          code: 'LPF',
          name: 'LP Foundations',
          courseIds: [course.id],
          validityMonths: 12,
          recertifyWindowDays: 60,
          onboardingDays: 30,
          requiredJobRoleCodes: ['CASHIER'],
        },
      },
      t.tokenFor(hr),
    );
    expect(program.errors).toBeUndefined();
  });

  const reasonsOf = async (employeeId: number): Promise<string[]> => {
    const mine = await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor({ id: employeeId } as EmployeeEntity));
    expect(mine.errors).toBeUndefined();
    return (mine.data!.myAssignments as { reason: string }[]).map((a) => a.reason);
  };

  const hire = async (employeeNumber: string, hireDate: string): Promise<number> => {
    const hired = await graphql(
      t.app,
      CREATE_EMPLOYEE,
      {
        input: {
          employeeNumber,
          firstName: 'Nia',
          lastName: 'Cole',
          jobRoleCode: 'CASHIER',
          storeId: tokyo.id,
          hireDate,
        },
      },
      t.tokenFor(hr),
    );
    expect(hired.errors).toBeUndefined();
    return Number(hired.data!.createEmployee.id);
  };

  it('createEmployee hired today gets ONBOARDING', async () => {
    expect(await reasonsOf(await hire('N-1', '2026-04-01'))).toEqual(['ONBOARDING']);
  });

  it('createEmployee hired two years ago gets RULE', async () => {
    expect(await reasonsOf(await hire('N-2', '2024-04-01'))).toEqual(['RULE']);
  });

  it("an import's new lines: ONBOARDING for the recently hired, RULE for long-serving staff, by the store's day", async () => {
    const csv = [
      EMPLOYEE_CSV_COLUMNS.join(','),
      ['I-NEW', 'Aiko', 'Sato', '', 'CASHIER', 'TYO', '', ''].join(','),
      // 30 days before 1 April in Tokyo: the first day of the period there.
      ['I-EDGE', 'Ken', 'Ito', '', 'CASHIER', 'TYO', '', '2026-03-02'].join(','),
      // 30 days before 31 March in UTC, but a day before the period in Tokyo.
      ['I-OUT', 'Yui', 'Mori', '', 'CASHIER', 'TYO', '', '2026-03-01'].join(','),
      ['I-OLD', 'Ana', 'Ruiz', '', 'CASHIER', 'TYO', '', '2016-05-10'].join(','),
    ].join('\n');
    const imported = await graphql(t.app, IMPORT, { csv }, t.tokenFor(hr));
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importEmployees).toEqual({ errorCount: 0 });

    const rows = (await t.dataSource.query(
      `SELECT e.employee_number, a.reason FROM assignments a JOIN employees e ON e.id = a.employee_id
        ORDER BY e.employee_number`,
    )) as { employee_number: string; reason: string }[];
    expect(rows).toEqual([
      { employee_number: 'I-EDGE', reason: 'ONBOARDING' },
      { employee_number: 'I-NEW', reason: 'ONBOARDING' },
      { employee_number: 'I-OLD', reason: 'RULE' },
      { employee_number: 'I-OUT', reason: 'RULE' },
    ]);
  });
});
