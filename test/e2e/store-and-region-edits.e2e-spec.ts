import { ReminderPlanning } from '@lp/reminders';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildOrgChart,
  errorCode,
  graphql,
  type OrgChart,
  type TestApp,
  type TestWorker,
  useApiWithWorker,
} from '@lp/testing';

const UPDATE_STORE = `mutation ($id: ID!, $input: UpdateStoreInput!) {
  updateStore(id: $id, input: $input) { id code name timezone region { id } }
}`;
const UPDATE_REGION = `mutation ($id: ID!, $input: UpdateRegionInput!) {
  updateRegion(id: $id, input: $input) { id code name }
}`;
const STORE_EVENTS = `{
  auditEvents(filter: { subjectType: "Store" }) { edges { node { action subjectId before after actor { id } } } }
}`;
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const NOTIFICATIONS = `{ notifications(filter: { status: PENDING }, first: 50) {
  edges { node { kind sendAfter recipient { id } } }
} }`;

/** product.md asks CRUD of stores and regions: a store renamed, or moved to another region or time zone. */
describe('changing a store or a region', () => {
  const suite = useApiWithWorker();
  let t: TestApp;
  let worker: TestWorker;
  let chart: OrgChart;

  beforeAll(() => {
    ({ t, worker } = suite);
  });

  beforeEach(async () => {
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
  });

  const asHr = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const rowsOf = async () => ({
    stores: await t.dataSource.query('SELECT * FROM stores ORDER BY id'),
    regions: await t.dataSource.query('SELECT * FROM regions ORDER BY id'),
    events: await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_events WHERE action LIKE '%_UPDATED'"),
  });

  it('renames a region and a store, keeps what is left out, and audits each change', async () => {
    const { n1 } = chart.stores;
    const { north } = chart.regions;
    expect((await asHr(UPDATE_REGION, { id: north.id, input: { name: 'North East' } })).updateRegion).toEqual({
      id: String(north.id),
      code: north.code,
      name: 'North East',
    });
    const renamed = await asHr(UPDATE_STORE, { id: n1.id, input: { code: 'N-001', name: 'Northgate' } });
    expect(renamed.updateStore).toEqual({
      id: String(n1.id),
      code: 'N-001',
      name: 'Northgate',
      timezone: 'Europe/London',
      region: { id: String(north.id) },
    });
    // Nothing to change: nothing written, nothing audited.
    await asHr(UPDATE_STORE, { id: n1.id, input: { name: 'Northgate' } });

    // The store's manager reads the change in the audit trail of their store.
    const events = await graphql(t.app, STORE_EVENTS, {}, t.tokenFor(chart.people.manager));
    const changes = events.data!.auditEvents.edges.filter(
      (edge: { node: { action: string } }) => edge.node.action === 'STORE_UPDATED',
    );
    expect(changes).toHaveLength(1);
    const [{ node }] = changes;
    expect(node).toMatchObject({ subjectId: String(n1.id), actor: { id: String(chart.people.hr.id) } });
    expect(JSON.parse(node.before)).toMatchObject({ code: n1.code, name: n1.name });
    expect(JSON.parse(node.after)).toMatchObject({ code: 'N-001', name: 'Northgate', timezone: 'Europe/London' });
  });

  it('refuses a bad change with a clear code and writes nothing', async () => {
    const { n1, n2 } = chart.stores;
    const { north, south } = chart.regions;
    const before = await rowsOf();
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['hr', UPDATE_STORE, { id: '4000000000', input: { name: 'X' } }, 'NOT_FOUND'],
      ['hr', UPDATE_STORE, { id: 'abc', input: { name: 'X' } }, 'BAD_USER_INPUT'],
      ['hr', UPDATE_STORE, { id: n1.id, input: { regionId: '4000000000' } }, 'NOT_FOUND'],
      ['hr', UPDATE_STORE, { id: n1.id, input: { timezone: 'Mars/Olympus' } }, 'BAD_USER_INPUT'],
      ['hr', UPDATE_STORE, { id: n1.id, input: { code: n2.code.toLowerCase() } }, 'CONFLICT'],
      ['hr', UPDATE_STORE, { id: n1.id, input: { name: null } }, 'BAD_USER_INPUT'],
      ['hr', UPDATE_STORE, { id: n1.id, input: { name: ' ' } }, 'BAD_USER_INPUT'],
      ['hr', UPDATE_STORE, { id: n1.id, input: { code: 'has space' } }, 'BAD_USER_INPUT'],
      ['manager', UPDATE_STORE, { id: n1.id, input: { name: 'Mine' } }, 'FORBIDDEN'],
      ['regional', UPDATE_STORE, { id: n1.id, input: { regionId: south.id } }, 'FORBIDDEN'],
      ['hr', UPDATE_REGION, { id: '4000000000', input: { name: 'X' } }, 'NOT_FOUND'],
      ['hr', UPDATE_REGION, { id: north.id, input: { code: south.code } }, 'CONFLICT'],
      ['hr', UPDATE_REGION, { id: north.id, input: { name: 'a\nb' } }, 'BAD_USER_INPUT'],
      ['employee', UPDATE_REGION, { id: north.id, input: { name: 'Mine' } }, 'FORBIDDEN'],
    ];
    for (const [who, query, variables, code] of cases) {
      const response = await graphql(t.app, query, variables, t.tokenFor(chart.people[who as 'hr']));
      expect([who, variables, errorCode(response)]).toEqual([who, variables, code]);
    }
    expect(await rowsOf()).toEqual(before);
  });

  it('moves a store to another region: the scope of regional managers and audiences limited to a region follow it', async () => {
    const { n1, n2, s1 } = chart.stores;
    const { north, south } = chart.regions;
    const course = await buildCourse(t.dataSource);
    const input = {
      code: 'LPS',
      name: 'LP South',
      courseIds: [course.course.id],
      validityMonths: 12,
      recertifyWindowDays: 60,
      audience: [{ jobRoleCode: 'SALES_ASSOCIATE', regionId: south.id }],
    };
    await asHr(CREATE_PROGRAM, { input });
    const openFor = async () =>
      (
        (await t.dataSource.query(
          "SELECT employee_id, reason FROM assignments WHERE course_id = ? AND status IN ('ASSIGNED', 'IN_PROGRESS')",
          [course.course.id],
        )) as { employee_id: number; reason: string }[]
      ).map((row) => [Number(row.employee_id), row.reason]);
    expect(await openFor()).toEqual([]);

    await asHr(UPDATE_STORE, { id: n2.id, input: { regionId: south.id } });
    expect(await openFor()).toEqual([[chart.people.n2Employee.id, 'RULE']]);
    const storesOf = async (who: 'regional' | 'hr'): Promise<number[]> =>
      (
        await graphql(t.app, '{ stores { edges { node { id } } } }', {}, t.tokenFor(chart.people[who]))
      ).data!.stores.edges.map((edge: { node: { id: string } }) => Number(edge.node.id));
    expect(await storesOf('regional')).toEqual([n1.id]);
    const regions = await asHr('{ regionCompliance { region { id } headcount } }');
    expect(regions.regionCompliance).toEqual([
      { region: { id: String(north.id) }, headcount: 5 },
      { region: { id: String(south.id) }, headcount: 4 },
    ]);

    await asHr(UPDATE_STORE, { id: n2.id, input: { regionId: north.id } });
    expect(await openFor()).toEqual([]);
    expect(await storesOf('regional')).toEqual([n1.id, n2.id]);
    expect((await storesOf('hr')).sort((a, b) => a - b)).toEqual([n1.id, n2.id, s1.id]);
  });

  it("moves a store to another time zone: what is pending for its people goes out in the new zone's office hours", async () => {
    const { n1 } = chart.stores;
    const dana = await buildEmployee(t.dataSource, { storeId: n1.id });
    const course = await buildCourse(t.dataSource);
    // Due on Wednesday at 15:00 in London: the one-day reminder from the start of Tuesday there.
    await buildAssignment(t.dataSource, {
      employeeId: dana.id,
      courseId: course.course.id,
      dueAt: new Date('2026-03-04T15:00:00Z'),
    });
    await worker.app.get(ReminderPlanning).plan();
    const pendingAt = async () =>
      Object.fromEntries(
        (await asHr(NOTIFICATIONS)).notifications.edges
          .filter((edge: { node: { recipient: { id: string } } }) =>
            [dana.id, chart.people.manager.id].includes(Number(edge.node.recipient.id)),
          )
          .map((edge: { node: { kind: string; sendAfter: string } }) => [edge.node.kind, edge.node.sendAfter]),
      );
    expect(await pendingAt()).toEqual({
      ASSIGNMENT_DUE: '2026-03-03T09:00:00.000Z',
      WEEKLY_DIGEST: '2026-03-02T09:00:00.000Z',
    });
    const elsewhere = () =>
      t.dataSource.query('SELECT id, send_after FROM notifications WHERE recipient_id = ?', [
        chart.people.s1Manager.id,
      ]);
    const before = await elsewhere();
    expect(before).toHaveLength(1);

    await asHr(UPDATE_STORE, { id: n1.id, input: { timezone: 'Asia/Tokyo' } });
    // Due at 00:00 on Thursday in Tokyo: the one-day reminder goes on Wednesday from 09:00 there;
    // the digest (now: 18:00 there, after hours) waits for Tuesday 09:00.
    expect(await pendingAt()).toEqual({
      ASSIGNMENT_DUE: '2026-03-04T00:00:00.000Z',
      WEEKLY_DIGEST: '2026-03-03T00:00:00.000Z',
    });
    // Someone who works elsewhere keeps their moment.
    expect(await elsewhere()).toEqual(before);
  });
});
