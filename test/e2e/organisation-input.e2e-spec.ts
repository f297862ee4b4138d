import { Role } from '@lp/organisation';
import {
  buildEmployee,
  buildOrgChart,
  buildStore,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const CREATE_EMPLOYEE = `mutation ($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id employeeNumber email role jobRole { code } store { id } }
}`;
const UPDATE_EMPLOYEE = `mutation ($id: ID!, $input: UpdateEmployeeInput!) {
  updateEmployee(id: $id, input: $input) { id firstName role email store { id } jobRole { code } }
}`;
const CREATE_STORE = `mutation ($input: CreateStoreInput!) { createStore(input: $input) { id code timezone } }`;
const CREATE_REGION = `mutation ($input: CreateRegionInput!) { createRegion(input: $input) { id code } }`;
const CREATE_JOB_ROLE = `mutation ($input: CreateJobRoleInput!) { createJobRole(input: $input) { code name } }`;

describe('organisation: bad input is refused with a clear code and writes nothing', () => {
  let t: TestApp;
  let chart: OrgChart;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
    hr = t.tokenFor(chart.people.hr);
  });

  /** Runs the operation and checks its error code, its field, and that no table changed. */
  async function expectRefused(
    query: string,
    variables: Record<string, unknown>,
    code: string,
    field?: string,
    token = hr,
  ): Promise<void> {
    const before = await rowCounts(t.dataSource);
    const response = await graphql(t.app, query, variables, token);
    expect(errorCode(response)).toBe(code);
    if (field) expect(response.errors![0].extensions!.field).toBe(field);
    expect(response.data).toBeNull();
    expect(await rowCounts(t.dataSource)).toEqual(before);
  }

  const hire = (overrides: Record<string, unknown> = {}) => ({
    input: {
      employeeNumber: 'E-900',
      email: 'new.hire@example.test',
      firstName: 'New',
      lastName: 'Hire',
      jobRoleCode: 'CASHIER',
      storeId: String(chart.stores.n1.id),
      ...overrides,
    },
  });

  describe('createEmployee', () => {
    it('hires someone when the input is right (the control case)', async () => {
      const response = await graphql(t.app, CREATE_EMPLOYEE, hire(), hr);
      expect(response.errors).toBeUndefined();
      expect(response.data!.createEmployee).toMatchObject({
        employeeNumber: 'E-900',
        role: 'EMPLOYEE',
        jobRole: { code: 'CASHIER' },
      });
    });

    it('an unknown store id: NOT_FOUND', () =>
      expectRefused(CREATE_EMPLOYEE, hire({ storeId: '999999' }), 'NOT_FOUND'));
    it('a store id that is not an id: BAD_USER_INPUT', () =>
      expectRefused(CREATE_EMPLOYEE, hire({ storeId: 'S001' }), 'BAD_USER_INPUT', 'storeId'));
    it('an unknown job role: BAD_USER_INPUT', () =>
      expectRefused(CREATE_EMPLOYEE, hire({ jobRoleCode: 'ASTRONAUT' }), 'BAD_USER_INPUT', 'jobRoleCode'));
    it('a taken employee number, in another case: CONFLICT', async () => {
      await buildEmployee(t.dataSource, { employeeNumber: 'e-900' });
      await expectRefused(CREATE_EMPLOYEE, hire(), 'CONFLICT', 'employeeNumber');
    });
    it('a taken email, in another case: CONFLICT', async () => {
      await buildEmployee(t.dataSource, { email: 'new.hire@example.test' });
      await expectRefused(CREATE_EMPLOYEE, hire({ email: 'New.Hire@Example.TEST' }), 'CONFLICT', 'email');
    });
    it('a malformed email: BAD_USER_INPUT', () =>
      expectRefused(CREATE_EMPLOYEE, hire({ email: 'new.hire@' }), 'BAD_USER_INPUT', 'email'));
    it('an empty or blank name: BAD_USER_INPUT', async () => {
      await expectRefused(CREATE_EMPLOYEE, hire({ firstName: '' }), 'BAD_USER_INPUT', 'firstName');
      await expectRefused(CREATE_EMPLOYEE, hire({ lastName: '   ' }), 'BAD_USER_INPUT', 'lastName');
    });
    it('absurdly long strings: BAD_USER_INPUT', async () => {
      const long = 'x'.repeat(100_000);
      await expectRefused(CREATE_EMPLOYEE, hire({ lastName: long }), 'BAD_USER_INPUT', 'lastName');
      await expectRefused(CREATE_EMPLOYEE, hire({ employeeNumber: long }), 'BAD_USER_INPUT', 'employeeNumber');
      await expectRefused(CREATE_EMPLOYEE, hire({ email: `${long}@example.test` }), 'BAD_USER_INPUT', 'email');
    });
    it('an impossible hire date: BAD_USER_INPUT', () =>
      expectRefused(CREATE_EMPLOYEE, hire({ hireDate: '2026-02-30' }), 'BAD_USER_INPUT', 'hireDate'));
    it('HR granting ADMIN: FORBIDDEN', () => expectRefused(CREATE_EMPLOYEE, hire({ role: 'ADMIN' }), 'FORBIDDEN'));
    it('a manager store that does not exist: BAD_USER_INPUT', () =>
      expectRefused(
        CREATE_EMPLOYEE,
        hire({ role: 'STORE_MANAGER', managedStoreIds: ['999999'] }),
        'BAD_USER_INPUT',
        'managedStoreIds',
      ));
  });

  describe('updateEmployee', () => {
    it('changes only what is given: a name change keeps role and managed stores', async () => {
      const { manager } = chart.people;
      const response = await graphql(t.app, UPDATE_EMPLOYEE, { id: manager.id, input: { firstName: 'Mara' } }, hr);
      expect(response.errors).toBeUndefined();
      expect(response.data!.updateEmployee).toMatchObject({ firstName: 'Mara', role: 'STORE_MANAGER' });
      const scope = await t.dataSource.query('SELECT store_id FROM store_managers WHERE employee_id = ?', [manager.id]);
      expect(scope).toEqual([{ store_id: chart.stores.n1.id }]);
    });

    /** The ids of the employees someone sees, in order. */
    async function seenBy(person: { id: number }): Promise<number[]> {
      const response = await graphql(
        t.app,
        '{ employees(first: 100) { edges { node { id } } } }',
        {},
        t.tokenFor(person),
      );
      expect(response.errors).toBeUndefined();
      return response.data!.employees.edges.map((edge: { node: { id: string } }) => Number(edge.node.id));
    }
    const update = async (id: number, input: Record<string, unknown>) => {
      const response = await graphql(t.app, UPDATE_EMPLOYEE, { id, input }, hr);
      expect(response.errors).toBeUndefined();
    };
    const managedStores = (id: number) =>
      t.dataSource.query('SELECT store_id FROM store_managers WHERE employee_id = ? ORDER BY store_id', [id]);

    it('a transferred store manager manages their new store, not the old one', async () => {
      const { manager, n2Employee, regional } = chart.people;
      await update(manager.id, { storeId: chart.stores.n2.id });
      expect(await managedStores(manager.id)).toEqual([{ store_id: chart.stores.n2.id }]);
      expect(await seenBy(manager)).toEqual([regional.id, manager.id, n2Employee.id]);
    });

    it('a regional manager transferred to another region manages the new region', async () => {
      const { regional, s1Manager, s1Employee } = chart.people;
      await update(regional.id, { storeId: chart.stores.s1.id });
      expect(await seenBy(regional)).toEqual([regional.id, s1Manager.id, s1Employee.id]);
    });

    it('a transfer leaves a scope set by hand (several stores) for HR to change', async () => {
      const { manager } = chart.people;
      const { n1, n2, s1 } = chart.stores;
      await update(manager.id, { managedStoreIds: [n1.id, n2.id] });
      await update(manager.id, { storeId: s1.id });
      expect(await managedStores(manager.id)).toEqual([{ store_id: n1.id }, { store_id: n2.id }]);
    });

    it('the whole record sent back with its role unchanged keeps the stores a manager runs', async () => {
      const { manager } = chart.people;
      const { n1, n2 } = chart.stores;
      await update(manager.id, { managedStoreIds: [n1.id, n2.id] });
      await update(manager.id, {
        email: manager.email,
        firstName: manager.firstName,
        lastName: manager.lastName,
        jobRoleCode: 'STORE_MANAGER',
        storeId: n1.id,
        role: 'STORE_MANAGER',
        hireDate: manager.hireDate,
      });
      expect(await managedStores(manager.id)).toEqual([{ store_id: n1.id }, { store_id: n2.id }]);
    });

    it('a role change resets the scope to the new role’s default', async () => {
      const { manager } = chart.people;
      await update(manager.id, { managedStoreIds: [chart.stores.n1.id, chart.stores.n2.id] });
      await update(manager.id, { role: 'REGIONAL_MANAGER' });
      expect(await managedStores(manager.id)).toEqual([]);
      expect(
        await t.dataSource.query('SELECT region_id FROM region_managers WHERE employee_id = ?', [manager.id]),
      ).toEqual([{ region_id: chart.regions.north.id }]);
    });

    it('an unknown id: NOT_FOUND', () =>
      expectRefused(UPDATE_EMPLOYEE, { id: '999999', input: { firstName: 'X' } }, 'NOT_FOUND'));
    it('an id that is not an id: BAD_USER_INPUT', () =>
      expectRefused(UPDATE_EMPLOYEE, { id: '-1', input: { firstName: 'X' } }, 'BAD_USER_INPUT', 'id'));
    it('null for a required field: BAD_USER_INPUT', async () => {
      const id = chart.people.employee.id;
      for (const field of ['firstName', 'lastName', 'jobRoleCode', 'storeId', 'role', 'hireDate']) {
        await expectRefused(UPDATE_EMPLOYEE, { id, input: { [field]: null } }, 'BAD_USER_INPUT', field);
      }
    });
    it('an email another employee has: CONFLICT', () =>
      expectRefused(
        UPDATE_EMPLOYEE,
        { id: chart.people.employee.id, input: { email: chart.people.colleague.email!.toUpperCase() } },
        'CONFLICT',
        'email',
      ));
    it('a transfer to an unknown store: NOT_FOUND', () =>
      expectRefused(UPDATE_EMPLOYEE, { id: chart.people.employee.id, input: { storeId: '999999' } }, 'NOT_FOUND'));
    it('HR changing an admin: FORBIDDEN', () =>
      expectRefused(UPDATE_EMPLOYEE, { id: chart.people.admin.id, input: { firstName: 'X' } }, 'FORBIDDEN'));
  });

  describe('stores, regions, job roles', () => {
    const store = (overrides: Record<string, unknown> = {}) => ({
      input: {
        code: 'S-NEW',
        name: 'New Store',
        regionId: String(chart.regions.north.id),
        timezone: 'Europe/Paris',
        ...overrides,
      },
    });

    it('createStore with an unknown time zone: BAD_USER_INPUT', async () => {
      await expectRefused(CREATE_STORE, store({ timezone: 'Mars/Olympus_Mons' }), 'BAD_USER_INPUT', 'timezone');
      await expectRefused(CREATE_STORE, store({ timezone: 'Europe/Paris; DROP TABLE stores' }), 'BAD_USER_INPUT');
    });
    it('createStore in an unknown region: NOT_FOUND', () =>
      expectRefused(CREATE_STORE, store({ regionId: '999999' }), 'NOT_FOUND'));
    it('createStore with a taken code: CONFLICT', () =>
      expectRefused(CREATE_STORE, store({ code: chart.stores.n1.code }), 'CONFLICT'));
    it('createStore with a known zone works (the control case)', async () => {
      const response = await graphql(t.app, CREATE_STORE, store({ timezone: 'America/Denver' }), hr);
      expect(response.data!.createStore).toMatchObject({ code: 'S-NEW', timezone: 'America/Denver' });
    });
    it('createRegion with a taken code: CONFLICT; with an empty name: BAD_USER_INPUT', async () => {
      await expectRefused(CREATE_REGION, { input: { code: chart.regions.north.code, name: 'Again' } }, 'CONFLICT');
      await expectRefused(CREATE_REGION, { input: { code: 'R-NEW', name: ' ' } }, 'BAD_USER_INPUT', 'name');
    });
    it('createJobRole with a taken or malformed code', async () => {
      await expectRefused(CREATE_JOB_ROLE, { input: { code: 'CASHIER', name: 'Cashier again' } }, 'CONFLICT');
      await expectRefused(CREATE_JOB_ROLE, { input: { code: 'lower case', name: 'X' } }, 'BAD_USER_INPUT', 'code');
    });
  });

  it('employees(search) finds someone by the start of their email, in any case (the control case)', async () => {
    const { colleague } = chart.people;
    const response = await graphql(
      t.app,
      'query ($search: String) { employees(filter: { search: $search }) { edges { node { id } } } }',
      { search: colleague.email!.toUpperCase().slice(0, colleague.email!.indexOf('@') + 1) },
      hr,
    );
    expect(response.data!.employees.edges).toEqual([{ node: { id: String(colleague.id) } }]);
  });

  it('stores(search) finds stores in scope by part of their name or the start of their code', async () => {
    const leeds = await buildStore(t.dataSource, {
      code: 'LDS-01',
      name: 'Leeds Kirkgate',
      regionId: chart.regions.north.id,
    });
    const market = await buildStore(t.dataSource, {
      code: 'MKT-02',
      name: 'Kirkgate Market',
      regionId: chart.regions.south.id,
    });
    const found = async (search: string, token = hr) =>
      (
        await graphql(
          t.app,
          'query ($search: String) { stores(search: $search, first: 100) { edges { node { id } } } }',
          { search },
          token,
        )
      ).data!.stores.edges.map((e: { node: { id: string } }) => Number(e.node.id));
    expect(await found('kirkGATE')).toEqual([leeds.id, market.id]);
    expect(await found('lds')).toEqual([leeds.id]);
    expect(await found('DS-01')).toEqual([]);
    expect(await found('%')).toEqual([]);
    expect(await found('kirkgate', t.tokenFor(chart.people.regional))).toEqual([leeds.id]);
  });

  it('a store manager cannot use HR operations: FORBIDDEN', async () => {
    const token = t.tokenFor(chart.people.manager);
    await expectRefused(CREATE_EMPLOYEE, hire({ storeId: String(chart.stores.n1.id) }), 'FORBIDDEN', undefined, token);
    await expectRefused(
      UPDATE_EMPLOYEE,
      { id: chart.people.employee.id, input: { role: Role.HR } },
      'FORBIDDEN',
      undefined,
      token,
    );
  });
});
