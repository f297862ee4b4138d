import request from 'supertest';
import { type EmployeeEntity, type RegionEntity, Role, type StoreEntity } from '@lp/organisation';
import {
  buildCourse,
  buildEmployee,
  buildOrgChart,
  buildRegion,
  buildStore,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const ASSIGN = 'mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }';
const UPDATE_EMPLOYEE =
  'mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }';
const DEACTIVATE = 'mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }';
const CLOSE = 'mutation ($id: ID!) { closeStore(id: $id) { closedOn } }';
const DELETE_REGION = 'mutation ($id: ID!) { deleteRegion(id: $id) { id } }';
const TOTALS = 'headcount required certified compliancePercent';
const ROLLUPS = `query ($regionId: ID) {
  regionCompliance { region { code } ${TOTALS} }
  chainCompliance { ${TOTALS} }
  complianceByStore(regionId: $regionId, first: 100) { totalCount edges { node { store { code } } } }
}`;
const TABLES = ['regions', 'stores', 'employees', 'assignments', 'audit_events'];

/**
 * What follows from closing stores for the work managers assign and for the regions the
 * stores belong to: assigning to a closed store says why nobody gets the course, and a region
 * whose every store is closed drops out of the current reports without a division by zero.
 */
describe('closed stores: assigning work and their regions', () => {
  let t: TestApp;
  let chart: OrgChart;
  /** East: one store, Harbour, whose cashier moved to n1 and whose manager left before it closed. */
  let east: RegionEntity;
  let harbour: StoreEntity;
  let movedCashier: EmployeeEntity;
  let formerManager: EmployeeEntity;
  let courseId: number;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
    east = await buildRegion(t.dataSource, { code: 'EAST', name: 'East' });
    harbour = await buildStore(t.dataSource, { code: 'HARBOUR', name: 'Harbour', regionId: east.id });
    movedCashier = await buildEmployee(t.dataSource, { storeId: harbour.id, jobRoleCode: 'CASHIER' });
    formerManager = await buildEmployee(t.dataSource, {
      storeId: harbour.id,
      role: Role.STORE_MANAGER,
      jobRoleCode: 'STORE_MANAGER',
    });
    courseId = (await buildCourse(t.dataSource)).course.id;
    await asHr(UPDATE_EMPLOYEE, { id: movedCashier.id, input: { storeId: chart.stores.n1.id } });
    await asHr(DEACTIVATE, { id: formerManager.id });
    await asHr(CLOSE, { id: harbour.id });
  });

  async function asHr(query: string, variables: Record<string, unknown> = {}) {
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  }
  /** Refused with `code` and nothing written; the first error. */
  async function refused(who: EmployeeEntity, code: string, query: string, variables: Record<string, unknown>) {
    const before = await rowCounts(t.dataSource, TABLES);
    const response = await graphql(t.app, query, variables, t.tokenFor(who));
    expect(errorCode(response)).toBe(code);
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    return response.errors![0];
  }
  const assign = (target: Record<string, unknown>) => ({ input: { courseId, dueOn: '2026-03-20', ...target } });

  describe('assigning a course', () => {
    it('to a closed store is refused, saying it is closed, rather than assigning it to nobody', async () => {
      const error = await refused(chart.people.hr, 'CONFLICT', ASSIGN, assign({ storeId: harbour.id }));
      expect(error.message).toBe('Store HARBOUR was closed on 2026-03-02: nobody works there to assign a course to.');
      expect(error.extensions).toMatchObject({ field: 'storeId', closedOn: '2026-03-02' });
      // With job roles too: the store is what is closed.
      await refused(chart.people.hr, 'CONFLICT', ASSIGN, assign({ storeId: harbour.id, jobRoleCodes: ['CASHIER'] }));

      // The people who worked there and moved get their work where they work now.
      expect((await asHr(ASSIGN, assign({ employeeIds: [movedCashier.id] }))).assignCourse).toEqual({
        created: 1,
        skipped: 0,
      });
    });

    it('to a region whose stores are all closed is refused the same way', async () => {
      const error = await refused(chart.people.hr, 'CONFLICT', ASSIGN, assign({ regionId: east.id }));
      expect(error.message).toBe('Every store of region EAST is closed: nobody works there to assign a course to.');
      expect(error.extensions).toMatchObject({ field: 'regionId' });
    });

    it('by a manager whose every store is closed is refused, saying so, whatever it names', async () => {
      const remote = await buildEmployee(t.dataSource, {
        storeId: chart.stores.n2.id,
        role: Role.STORE_MANAGER,
        jobRoleCode: 'STORE_MANAGER',
        managedStoreIds: [harbour.id],
      });
      const message =
        'Every store you manage is closed (HARBOUR on 2026-03-02): nobody works there to assign a course to.';
      for (const target of [{ jobRoleCodes: ['CASHIER'] }, { employeeIds: [formerManager.id] }]) {
        expect((await refused(remote, 'CONFLICT', ASSIGN, assign(target))).message).toBe(message);
      }
      // Someone who moved on works outside what they manage, as before.
      const moved = await refused(remote, 'FORBIDDEN', ASSIGN, assign({ employeeIds: [movedCashier.id] }));
      expect(moved.extensions).toMatchObject({ employeeIds: [String(movedCashier.id)] });

      // A manager with an open store as well assigns there as before.
      await t.dataSource.query('INSERT INTO store_managers (employee_id, store_id) VALUES (?, ?)', [
        remote.id,
        chart.stores.n2.id,
      ]);
      const response = await graphql(t.app, ASSIGN, assign({ jobRoleCodes: ['SALES_ASSOCIATE'] }), t.tokenFor(remote));
      expect(response.errors).toBeUndefined();
      expect(response.data!.assignCourse.created).toBeGreaterThan(0);
    });

    it('by a regional manager whose region has only closed stores is refused, saying so', async () => {
      const regional = await buildEmployee(t.dataSource, {
        storeId: chart.stores.n1.id,
        role: Role.REGIONAL_MANAGER,
        jobRoleCode: 'STORE_MANAGER',
        managedRegionId: east.id,
      });
      const error = await refused(regional, 'CONFLICT', ASSIGN, assign({ jobRoleCodes: ['CASHIER'] }));
      expect(error.message).toBe(
        'Every store you manage is closed (HARBOUR on 2026-03-02): nobody works there to assign a course to.',
      );
    });
  });

  describe('a region whose every store is closed', () => {
    it('drops out of the current reports, whose totals are those of the open stores', async () => {
      const reports = (await asHr(ROLLUPS, { regionId: east.id })) as {
        regionCompliance: { region: { code: string } }[];
        complianceByStore: { totalCount: number; edges: unknown[] };
      };
      expect(reports.regionCompliance.map((row) => row.region.code)).not.toContain('EAST');
      expect(reports.complianceByStore).toEqual({ totalCount: 0, edges: [] });
      const csv = await request(t.app.getHttpServer())
        .get('/reports/region-compliance.csv')
        .set('authorization', `Bearer ${t.tokenFor(chart.people.hr)}`)
        .buffer(true);
      expect(csv.status).toBe(200);
      expect(csv.text).not.toContain('EAST');
    });

    it('gives its regional manager no region row and a total of nobody required: 100 %, as elsewhere', async () => {
      const regional = await buildEmployee(t.dataSource, {
        storeId: chart.stores.n1.id,
        role: Role.REGIONAL_MANAGER,
        jobRoleCode: 'STORE_MANAGER',
        managedRegionId: east.id,
      });
      const response = await graphql(t.app, ROLLUPS, { regionId: east.id }, t.tokenFor(regional));
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        regionCompliance: [],
        chainCompliance: { headcount: 0, required: 0, certified: 0, compliancePercent: 100 },
        complianceByStore: { totalCount: 0, edges: [] },
      });
    });

    it('cannot be deleted while its closed stores keep their history in it, and the answer says so', async () => {
      const error = await refused(chart.people.hr, 'CONFLICT', DELETE_REGION, { id: east.id });
      expect(error.message).toBe(
        'Region EAST cannot be deleted: 1 closed store refers to it. ' +
          'Its closed stores keep their history in it, and the current reports leave it out while none of its stores is open. ' +
          'To merge it with another region, move its stores there first (updateStore with a regionId).',
      );

      // Beside an open store, a closed one is counted as such, and merging is the advice.
      const south = chart.regions.south;
      await buildStore(t.dataSource, { code: 'PIER', regionId: south.id, closedOn: '2026-02-01' });
      expect((await refused(chart.people.hr, 'CONFLICT', DELETE_REGION, { id: south.id })).message).toBe(
        `Region ${south.code} cannot be deleted: 1 store and 1 closed store refer to it. ` +
          'Move its stores to another region first (updateStore with a regionId); that is how two regions merge.',
      );
    });
  });
});
