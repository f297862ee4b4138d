import { Role } from '../../entities/role';
import type { EmployeeCsvRow } from './employee-csv';
import { type ExistingEmployee, type ImportReference, planDeactivations, planEmployeeImport } from './import-plan';

const HR = { id: 1, role: Role.HR };
const ADMIN = { id: 2, role: Role.ADMIN };
const TODAY = '2026-05-04';
/** 14:00 on 4 May in London (BST), 22:00 in Tokyo. */
const NOW = new Date('2026-05-04T13:00:00Z');

function row(overrides: Partial<EmployeeCsvRow> = {}): EmployeeCsvRow {
  return {
    line: 2,
    employeeNumber: 'E1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.test',
    jobRoleCode: 'CASHIER',
    storeCode: 'S1',
    role: null,
    hireDate: null,
    ...overrides,
  };
}

function existing(overrides: Partial<ExistingEmployee> = {}): ExistingEmployee {
  return {
    id: 10,
    employeeNumber: 'E1',
    email: 'ada@example.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    jobRoleId: 100,
    jobRoleCode: 'CASHIER',
    storeId: 1000,
    role: Role.EMPLOYEE,
    active: true,
    hireDate: '2024-01-01',
    ...overrides,
  };
}

function reference(people: ExistingEmployee[] = []): ImportReference {
  return {
    storesByCode: new Map([
      ['S1', { id: 1000, regionId: 1, timezone: 'Europe/London', closedOn: null }],
      ['S2', { id: 2000, regionId: 2, timezone: 'Asia/Tokyo', closedOn: null }],
      ['S7', { id: 7000, regionId: 1, timezone: 'Europe/London', closedOn: '2026-03-01' }],
    ]),
    jobRolesByCode: new Map([
      ['CASHIER', { id: 100, code: 'CASHIER' }],
      ['LP_OFFICER', { id: 200, code: 'LP_OFFICER' }],
    ]),
    existingByNumber: new Map(people.map((p) => [p.employeeNumber.toUpperCase(), p])),
    emailOwners: new Map(people.filter((p) => p.email).map((p) => [p.email!, p.employeeNumber.toUpperCase()])),
  };
}

describe('planEmployeeImport', () => {
  it('hires someone new with the defaults for empty columns', () => {
    const plan = planEmployeeImport([row({ email: null })], reference(), HR, NOW);
    expect(plan.errors).toEqual([]);
    expect(plan.hires).toEqual([
      expect.objectContaining({
        employeeNumber: 'E1',
        email: null,
        role: Role.EMPLOYEE,
        hireDate: TODAY,
        storeId: 1000,
      }),
    ]);
  });

  it("hires someone new today in their store's zone", () => {
    // 01:00 on 5 May in Tokyo, still 17:00 on 4 May in London.
    const lateInLondon = new Date('2026-05-04T16:00:00Z');
    const hireDates = planEmployeeImport(
      [row(), row({ line: 3, employeeNumber: 'E2', email: null, storeCode: 'S2' })],
      reference(),
      HR,
      lateInLondon,
    ).hires.map((hire) => hire.hireDate);
    expect(hireDates).toEqual(['2026-05-04', '2026-05-05']);
    // 00:30 on 5 May in London (BST) is still 4 May in UTC.
    expect(planEmployeeImport([row()], reference(), HR, new Date('2026-05-04T23:30:00Z')).hires[0].hireDate).toBe(
      '2026-05-05',
    );
  });

  it('leaves an identical employee alone, matching the number in any case', () => {
    const plan = planEmployeeImport([row({ employeeNumber: 'e1' })], reference([existing()]), HR, NOW);
    expect(plan).toEqual({ errors: [], hires: [], updates: [], unchanged: 1 });
  });

  it('plans a transfer and a job-role change, keeping what empty columns leave out', () => {
    const before = existing({ role: Role.STORE_MANAGER, hireDate: '2020-02-02' });
    const plan = planEmployeeImport(
      [row({ storeCode: 's2', jobRoleCode: 'LP_OFFICER', email: null })],
      reference([before]),
      HR,
      NOW,
    );
    expect(plan.updates).toEqual([
      {
        line: 2,
        before,
        after: expect.objectContaining({
          storeId: 2000,
          jobRoleCode: 'LP_OFFICER',
          email: 'ada@example.test',
          role: Role.STORE_MANAGER,
          hireDate: '2020-02-02',
        }),
      },
    ]);
  });

  it('reactivates someone listed again', () => {
    const plan = planEmployeeImport([row()], reference([existing({ active: false })]), HR, NOW);
    expect(plan.updates[0].after.active).toBe(true);
  });

  it('names an unknown store, an unknown job role and an email someone else has', () => {
    const other = existing({ id: 11, employeeNumber: 'E2', email: 'taken@example.test' });
    const plan = planEmployeeImport(
      [row({ storeCode: 'S9', jobRoleCode: 'ASTRONAUT', email: 'taken@example.test' })],
      reference([other]),
      HR,
      NOW,
    );
    expect(plan.errors).toEqual([
      {
        line: 2,
        message:
          'store_code S9 is not a store; job_role ASTRONAUT is not a job role (CASHIER, LP_OFFICER); email taken@example.test belongs to employee E2',
      },
    ]);
    expect(plan.hires).toEqual([]);
  });

  it('hires, moves or reactivates nobody into a closed store', () => {
    const former = existing({ storeId: 7000, active: false });
    const plan = planEmployeeImport(
      [row({ storeCode: 's7' }), row({ line: 3, employeeNumber: 'E2', email: null, storeCode: 'S7' })],
      reference([former]),
      HR,
      NOW,
    );
    const message = 'store_code %s was closed on 2026-03-01; nobody can be hired or moved into it';
    expect(plan.errors).toEqual([
      { line: 2, message: message.replace('%s', 's7') },
      { line: 3, message: message.replace('%s', 'S7') },
    ]);
    expect([plan.hires, plan.updates]).toEqual([[], []]);
  });

  it('lets only an admin grant ADMIN or change an admin', () => {
    const admin = existing({ role: Role.ADMIN });
    expect(planEmployeeImport([row({ role: Role.ADMIN })], reference(), HR, NOW).errors[0].message).toBe(
      'only an admin may grant the ADMIN role',
    );
    expect(planEmployeeImport([row({ lastName: 'Byron' })], reference([admin]), HR, NOW).errors[0].message).toBe(
      'employee E1 is an admin; only an admin may change an admin',
    );
    expect(planEmployeeImport([row()], reference([admin]), HR, NOW).unchanged).toBe(1);
    expect(planEmployeeImport([row({ role: Role.ADMIN })], reference(), ADMIN, NOW).hires).toHaveLength(1);
  });
});

describe('planDeactivations', () => {
  it('deactivates the active people missing from the file, except admins and the importer', () => {
    const active = [
      { id: 1, employeeNumber: 'HR1', role: Role.HR },
      { id: 2, employeeNumber: 'ADM', role: Role.ADMIN },
      { id: 3, employeeNumber: 'E1', role: Role.EMPLOYEE },
      { id: 4, employeeNumber: 'E2', role: Role.STORE_MANAGER },
    ];
    expect(planDeactivations(active, [row({ employeeNumber: 'e1' })], HR).map((e) => e.id)).toEqual([4]);
  });
});
