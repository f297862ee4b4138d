import {
  buildCourse,
  buildEmployee,
  buildOrgChart,
  buildProgram,
  buildRegion,
  buildStore,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const DELETE_STORE = 'mutation ($id: ID!) { deleteStore(id: $id) { id code name region { id } } }';
const DELETE_REGION = 'mutation ($id: ID!) { deleteRegion(id: $id) { id code name } }';
const CREATE_REGION = 'mutation ($input: CreateRegionInput!) { createRegion(input: $input) { id } }';
const CREATE_STORE = 'mutation ($input: CreateStoreInput!) { createStore(input: $input) { id } }';
const UPDATE_STORE = 'mutation ($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { id } }';
const UPDATE_EMPLOYEE =
  'mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }';
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const DELETIONS = `{ auditEvents(filter: { subjectType: "Store" }) {
  edges { node { action subjectId before actor { id } store { id } } }
} }`;
const TABLES = [
  'regions',
  'stores',
  'employees',
  'employee_changes',
  'store_managers',
  'region_managers',
  'program_audiences',
  'store_compliance_snapshots',
  'audit_events',
];

/**
 * product.md asks CRUD of stores and regions. A store or region is deleted only when nothing
 * refers to it (one created by mistake); otherwise CONFLICT says what still does, and nothing
 * is written, since a store's people, transfers, snapshots and audit trail must stay readable.
 */
describe('deleting a store or a region', () => {
  let t: TestApp;
  let chart: OrgChart;

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
  });

  const asHr = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  /** Refused with CONFLICT, nothing written; the message. */
  const refused = async (query: string, id: number): Promise<string> => {
    const before = await rowCounts(t.dataSource, TABLES);
    const response = await graphql(t.app, query, { id }, t.tokenFor(chart.people.hr));
    expect(errorCode(response)).toBe('CONFLICT');
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    return response.errors![0].message;
  };

  it('deletes a store and a region created by mistake, and audits both', async () => {
    const region = (await asHr(CREATE_REGION, { input: { code: 'WEST', name: 'West' } })).createRegion;
    const input = { code: 'W-TYPO', name: 'Wrong store', regionId: region.id, timezone: 'Europe/London' };
    const store = (await asHr(CREATE_STORE, { input })).createStore;

    expect((await asHr(DELETE_STORE, { id: store.id })).deleteStore).toEqual({
      id: store.id,
      code: 'W-TYPO',
      name: 'Wrong store',
      region: { id: region.id },
    });
    expect((await asHr(DELETE_REGION, { id: region.id })).deleteRegion).toEqual({
      id: region.id,
      code: 'WEST',
      name: 'West',
    });

    expect(await t.dataSource.query('SELECT id FROM stores WHERE id = ?', [store.id])).toEqual([]);
    expect(await t.dataSource.query('SELECT id FROM regions WHERE id = ?', [region.id])).toEqual([]);
    const codes = (await asHr('{ stores { edges { node { code } } } }')).stores.edges.map(
      (edge: { node: { code: string } }) => edge.node.code,
    );
    expect(codes).not.toContain('W-TYPO');
    // The trail of the deleted store stays readable; it no longer names a store.
    const events = (await asHr(DELETIONS)).auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(events.map((event: { action: string }) => event.action)).toEqual(['STORE_DELETED', 'STORE_CREATED']);
    expect(events[0]).toMatchObject({ subjectId: store.id, actor: { id: String(chart.people.hr.id) }, store: null });
    expect(JSON.parse(events[0].before)).toEqual({
      code: 'W-TYPO',
      name: 'Wrong store',
      regionId: Number(region.id),
      timezone: 'Europe/London',
    });
    const [regionDeleted] = await t.dataSource.query(
      "SELECT actor_id, `before` FROM audit_events WHERE action = 'REGION_DELETED' AND subject_id = ?",
      [region.id],
    );
    expect(Number(regionDeleted.actor_id)).toBe(chart.people.hr.id);
    expect(regionDeleted.before).toEqual({ code: 'WEST', name: 'West' });
  });

  it('merges two regions: the stores move with updateStore, then the empty region is deleted', async () => {
    const region = await buildRegion(t.dataSource, { code: 'OLD' });
    const store = await buildStore(t.dataSource, { regionId: region.id });
    const message = await refused(DELETE_REGION, region.id);
    expect(message).toBe(
      'Region OLD cannot be deleted: 1 store refers to it. Move its stores to another region first (updateStore with a regionId); that is how two regions merge.',
    );
    await asHr(UPDATE_STORE, { id: store.id, input: { regionId: chart.regions.south.id } });
    await asHr(DELETE_REGION, { id: region.id });
    expect(await t.dataSource.query('SELECT region_id FROM stores WHERE id = ?', [store.id])).toEqual([
      { region_id: chart.regions.south.id },
    ]);
  });

  it('refuses a store with people or history, saying what refers to it', async () => {
    const { n1 } = chart.stores;
    const former = await buildEmployee(t.dataSource, { storeId: n1.id, active: false });
    expect(former.active).toBe(false);
    expect(await refused(DELETE_STORE, n1.id)).toBe(
      `Store ${n1.code} cannot be deleted: 5 active employees, 1 former employee and 1 store manager refer to it. ` +
        'Only a store nothing refers to, such as one created by mistake, can be deleted: a store with people or history stays, so that history remains readable; ' +
        'one that stops trading is closed instead (closeStore). ' +
        'Move its active employees to another store or deactivate them (updateEmployee, or the employee import).',
    );
  });

  it('refuses a store a former manager managed, which keeps the record of who managed it', async () => {
    const store = await buildStore(t.dataSource, { regionId: chart.regions.north.id });
    const manager = await buildEmployee(t.dataSource, { storeId: chart.stores.n1.id });
    await t.dataSource.query('INSERT INTO store_managers (employee_id, store_id) VALUES (?, ?)', [
      manager.id,
      store.id,
    ]);
    await t.dataSource.query('UPDATE employees SET active = 0 WHERE id = ?', [manager.id]);
    expect(await refused(DELETE_STORE, store.id)).toMatch(
      new RegExp(`^Store ${store.code} cannot be deleted: 1 former store manager refers to it\\.`),
    );
  });

  it('refuses a store that people were transferred through, after they left', async () => {
    const store = await buildStore(t.dataSource, { regionId: chart.regions.north.id });
    const { colleague } = chart.people;
    await asHr(UPDATE_EMPLOYEE, { id: colleague.id, input: { storeId: store.id } });
    await asHr(UPDATE_EMPLOYEE, { id: colleague.id, input: { storeId: chart.stores.n1.id } });
    const message = await refused(DELETE_STORE, store.id);
    expect(message).toMatch(
      new RegExp(
        `^Store ${store.code} cannot be deleted: the transfers of 1 employee and \\d+ audit events? refer to it\\.`,
      ),
    );
    expect(message).not.toContain('Move its active employees');
  });

  it('refuses a store or a region that an audience rule or a manager is limited to', async () => {
    const course = await buildCourse(t.dataSource);
    const store = await buildStore(t.dataSource, { regionId: chart.regions.north.id });
    const region = await buildRegion(t.dataSource, { code: 'AUD' });
    const audience = [
      { jobRoleCode: 'CASHIER', storeId: store.id },
      { jobRoleCode: 'CASHIER', regionId: region.id },
    ];
    const input = {
      code: 'LPX',
      name: 'LP X',
      courseIds: [course.course.id],
      validityMonths: 12,
      recertifyWindowDays: 60,
      audience,
    };
    await asHr(CREATE_PROGRAM, { input });
    expect(await refused(DELETE_STORE, store.id)).toMatch(
      new RegExp(`^Store ${store.code} cannot be deleted: the audience of programme LPX refers to it\\.`),
    );
    expect(await refused(DELETE_REGION, region.id)).toBe(
      'Region AUD cannot be deleted: the audience of programme LPX refers to it. ' +
        'Take it out of the audience of LPX first (updateCertificationProgram with an audience that does not name it).',
    );
    const { north } = chart.regions;
    expect(await refused(DELETE_REGION, north.id)).toBe(
      `Region ${north.code} cannot be deleted: 3 stores and 1 regional manager refer to it. ` +
        'Move its stores to another region first (updateStore with a regionId); that is how two regions merge. ' +
        'Give its regional managers another region (updateEmployee with a managedRegionId).',
    );
  });

  it('refuses a store with compliance snapshots', async () => {
    const store = await buildStore(t.dataSource, { regionId: chart.regions.north.id });
    const program = await buildProgram(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO store_compliance_snapshots (store_id, program_id, day, required, certified, expiring_soon, expired,
         missing, compliance_percent, open_assignments, completed_assignments, overdue_assignments, computed_at)
       VALUES (?, ?, '2026-03-01', 0, 0, 0, 0, 0, 0, 0, 0, 0, NOW())`,
      [store.id, program.id],
    );
    expect(await refused(DELETE_STORE, store.id)).toMatch(/: 1 daily compliance snapshot refers to it\./);
  });

  it('answers every bad request with a clear code and writes nothing', async () => {
    const spare = await buildStore(t.dataSource, { regionId: chart.regions.south.id });
    const empty = await buildRegion(t.dataSource);
    const before = await rowCounts(t.dataSource, TABLES);
    const cases: [keyof OrgChart['people'] | null, string, unknown, string][] = [
      ['hr', DELETE_STORE, '4000000000', 'NOT_FOUND'],
      ['hr', DELETE_STORE, 'abc', 'BAD_USER_INPUT'],
      ['hr', DELETE_STORE, '-1', 'BAD_USER_INPUT'],
      ['hr', DELETE_REGION, '4000000000', 'NOT_FOUND'],
      ['hr', DELETE_REGION, '1.5', 'BAD_USER_INPUT'],
      ['manager', DELETE_STORE, spare.id, 'FORBIDDEN'],
      ['regional', DELETE_STORE, spare.id, 'FORBIDDEN'],
      ['s1Manager', DELETE_STORE, spare.id, 'FORBIDDEN'],
      ['employee', DELETE_REGION, empty.id, 'FORBIDDEN'],
      ['regional', DELETE_REGION, empty.id, 'FORBIDDEN'],
      [null, DELETE_STORE, spare.id, 'UNAUTHENTICATED'],
    ];
    for (const [who, query, id, code] of cases) {
      const token = who ? t.tokenFor(chart.people[who]) : undefined;
      const response = await graphql(t.app, query, { id }, token);
      expect([who, query, id, errorCode(response)]).toEqual([who, query, id, code]);
    }
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    // Deleted once, the second answer is NOT_FOUND.
    await asHr(DELETE_STORE, { id: spare.id });
    const again = await graphql(t.app, DELETE_STORE, { id: spare.id }, t.tokenFor(chart.people.hr));
    expect(errorCode(again)).toBe('NOT_FOUND');
  });
});
