import { EMPLOYEE_CSV_COLUMNS, type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildEmployee, buildStore, createTestApp, graphql, type TestApp } from '@lp/testing';

const CREATE_EMPLOYEE = `mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { hireDate } }`;
const IMPORT = `mutation ($csv: String!) { importEmployees(csv: $csv) { errorCount } }`;

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
