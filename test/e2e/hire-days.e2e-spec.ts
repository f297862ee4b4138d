import { EMPLOYEE_CSV_COLUMNS, type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildCourse, buildEmployee, buildStore, createTestApp, graphql, type TestApp } from '@lp/testing';

const CREATE_EMPLOYEE = `mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { hireDate } }`;
const IMPORT = `mutation ($csv: String!) { importEmployees(csv: $csv) { errorCount } }`;
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const MY_ASSIGNMENTS = `{ myAssignments { reason dueAt } }`;

/** Someone hired without a hire date is hired today where they work: their store's calendar day. */
describe("a hire date left out is today in the store's zone", () => {
  let t: TestApp;
  let hr: EmployeeEntity;
  let tokyo: StoreEntity;
  let losAngeles: StoreEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    // 08:00 on Wednesday 1 April 2026 in Tokyo, 16:00 on 31 March in Los Angeles: 23:00 on 31 March in UTC.
    t.clock.set(new Date('2026-03-31T23:00:00Z'));
    tokyo = await buildStore(t.dataSource, { code: 'TYO', timezone: 'Asia/Tokyo' });
    losAngeles = await buildStore(t.dataSource, { code: 'LAX', timezone: 'America/Los_Angeles' });
    hr = await buildEmployee(t.dataSource, { role: Role.HR });
  });

  const hireDateOf = async (employeeNumber: string) =>
    (
      (await t.dataSource.query('SELECT hire_date FROM employees WHERE employee_number = ?', [employeeNumber])) as {
        hire_date: string | Date;
      }[]
    ).map((row) => (row.hire_date instanceof Date ? row.hire_date.toISOString().slice(0, 10) : row.hire_date))[0];

  it('for someone hired through the API', async () => {
    for (const [employeeNumber, store, day] of [
      ['T-1', tokyo, '2026-04-01'],
      ['L-1', losAngeles, '2026-03-31'],
    ] as const) {
      const hired = await graphql(
        t.app,
        CREATE_EMPLOYEE,
        {
          input: {
            employeeNumber,
            firstName: 'Aiko',
            lastName: 'Sato',
            jobRoleCode: 'SALES_ASSOCIATE',
            storeId: store.id,
          },
        },
        t.tokenFor(hr),
      );
      expect(hired.errors).toBeUndefined();
      expect(hired.data!.createEmployee.hireDate).toBe(day);
    }
  });

  it('for someone hired by an import', async () => {
    const csv = [
      EMPLOYEE_CSV_COLUMNS.join(','),
      ['T-2', 'Aiko', 'Sato', '', 'SALES_ASSOCIATE', 'TYO', '', ''].join(','),
      ['L-2', 'Ana', 'Ruiz', '', 'SALES_ASSOCIATE', 'LAX', '', ''].join(','),
    ].join('\n');
    const imported = await graphql(t.app, IMPORT, { csv }, t.tokenFor(hr));
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importEmployees).toEqual({ errorCount: 0 });

    expect(await hireDateOf('T-2')).toBe('2026-04-01');
    expect(await hireDateOf('L-2')).toBe('2026-03-31');
  });
});

/**
 * A newcomer's programme courses are due, as a due day picked in the web app is, at the end
 * of a day of their store's calendar: the programme's onboardingDays after the day they
 * join it there.
 */
describe("a newcomer's courses are due at the end of a day in the store's zone", () => {
  let t: TestApp;
  let hr: EmployeeEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
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

  async function dueOfHireAt(moment: string, timezone: string): Promise<unknown> {
    t.clock.set(new Date(moment));
    const store = await buildStore(t.dataSource, { timezone });
    const hired = await graphql(
      t.app,
      `
        mutation ($input: CreateEmployeeInput!) {
          createEmployee(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          employeeNumber: `N-${store.id}`,
          firstName: 'Nia',
          lastName: 'Cole',
          jobRoleCode: 'CASHIER',
          storeId: store.id,
        },
      },
      t.tokenFor(hr),
    );
    expect(hired.errors).toBeUndefined();
    const newcomer = { id: Number(hired.data!.createEmployee.id) } as EmployeeEntity;
    const mine = await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(newcomer));
    expect(mine.errors).toBeUndefined();
    return mine.data!.myAssignments;
  }

  it('30 days on, across the night the clocks go forward', async () => {
    // 20:00 on 2 March 2026 in New York (EST): due at the end of 1 April there (EDT), 23:59.
    expect(await dueOfHireAt('2026-03-03T01:00:00Z', 'America/New_York')).toEqual([
      { reason: 'ONBOARDING', dueAt: '2026-04-02T03:59:00.000Z' },
    ]);
  });

  it("for hires of one import in far zones, each by their own store's day and each programme's length", async () => {
    const { course } = await buildCourse(t.dataSource);
    const week = await graphql(
      t.app,
      CREATE_PROGRAM,
      {
        input: {
          code: 'TILLS',
          name: 'Till safety',
          courseIds: [course.id],
          validityMonths: 12,
          recertifyWindowDays: 60,
          onboardingDays: 7,
          requiredJobRoleCodes: ['CASHIER'],
        },
      },
      t.tokenFor(hr),
    );
    expect(week.errors).toBeUndefined();
    // 08:00 on 1 April in Tokyo, 16:00 on 31 March in Los Angeles.
    t.clock.set(new Date('2026-03-31T23:00:00Z'));
    await buildStore(t.dataSource, { code: 'TYO', timezone: 'Asia/Tokyo' });
    await buildStore(t.dataSource, { code: 'LAX', timezone: 'America/Los_Angeles' });
    const csv = [
      EMPLOYEE_CSV_COLUMNS.join(','),
      ['T-1', 'Aiko', 'Sato', '', 'CASHIER', 'TYO', '', ''].join(','),
      ['L-1', 'Ana', 'Ruiz', '', 'CASHIER', 'LAX', '', ''].join(','),
    ].join('\n');
    const imported = await graphql(t.app, IMPORT, { csv }, t.tokenFor(hr));
    expect(imported.data?.importEmployees).toEqual({ errorCount: 0 });

    const dueOf = async (employeeNumber: string) => {
      const [{ id }] = (await t.dataSource.query('SELECT id FROM employees WHERE employee_number = ?', [
        employeeNumber,
      ])) as { id: number }[];
      const mine = await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor({ id: Number(id) } as EmployeeEntity));
      expect(mine.errors).toBeUndefined();
      return (mine.data!.myAssignments as { reason: string; dueAt: string }[]).sort((x, y) =>
        x.dueAt.localeCompare(y.dueAt),
      );
    };
    // The end of 8 April and of 1 May in Tokyo; of 7 April and of 30 April in Los Angeles.
    expect(await dueOf('T-1')).toEqual([
      { reason: 'ONBOARDING', dueAt: '2026-04-08T14:59:00.000Z' },
      { reason: 'ONBOARDING', dueAt: '2026-05-01T14:59:00.000Z' },
    ]);
    expect(await dueOf('L-1')).toEqual([
      { reason: 'ONBOARDING', dueAt: '2026-04-08T06:59:00.000Z' },
      { reason: 'ONBOARDING', dueAt: '2026-05-01T06:59:00.000Z' },
    ]);
  });

  it('30 days on, east of UTC and across the night the clocks go back', async () => {
    // 08:00 on 1 April in Tokyo, still 31 March in UTC: due at the end of 1 May there.
    expect(await dueOfHireAt('2026-03-31T23:00:00Z', 'Asia/Tokyo')).toEqual([
      { reason: 'ONBOARDING', dueAt: '2026-05-01T14:59:00.000Z' },
    ]);
    // 10:00 on 10 October in London (BST): due at the end of 9 November (GMT).
    expect(await dueOfHireAt('2026-10-10T09:00:00Z', 'Europe/London')).toEqual([
      { reason: 'ONBOARDING', dueAt: '2026-11-09T23:59:00.000Z' },
    ]);
  });
});
