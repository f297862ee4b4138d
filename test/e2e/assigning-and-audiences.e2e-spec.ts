import {
  buildCourse,
  buildEmployee,
  buildOrgChart,
  createTestApp,
  errorCode,
  graphql,
  type TestApp,
} from '@lp/testing';
import type { BuiltCourse, OrgChart } from '@lp/testing';

const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }`;
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) {
  createCertificationProgram(input: $input) { id }
}`;
const GRANT = `mutation ($e: ID!, $p: ID!) {
  grantCertification(employeeId: $e, programId: $p) { id issuedAt expiresAt }
}`;
const TRANSFER = `mutation ($id: ID!, $store: ID!) { updateEmployee(id: $id, input: { storeId: $store }) { id } }`;
const AUDIT = `query ($action: String!) {
  auditEvents(filter: { action: $action }) {
    edges { node { action subjectType subjectId after actor { id } store { id } } }
  }
}`;

/**
 * What product.md asks of assigning and audiences beyond one store: job roles of a whole
 * region, audience rules limited to a store or a region, renewals dated from the
 * completion, and the audit trail of assignments and grants.
 */
describe('assigning across a region, audiences limited to a store or region, and their audit', () => {
  let t: TestApp;
  let chart: OrgChart;
  let course: BuiltCourse;
  let n2Cashier: { id: number };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
    n2Cashier = await buildEmployee(t.dataSource, { storeId: chart.stores.n2.id, jobRoleCode: 'CASHIER' });
    course = await buildCourse(t.dataSource);
  });

  /** Who has the course open, by employee id. */
  async function openHolders(courseId = course.course.id): Promise<number[]> {
    const rows = (await t.dataSource.query(
      "SELECT employee_id FROM assignments WHERE course_id = ? AND status IN ('ASSIGNED', 'IN_PROGRESS') ORDER BY employee_id",
      [courseId],
    )) as { employee_id: number }[];
    return rows.map((row) => Number(row.employee_id));
  }

  const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

  it('assigns a course to job roles of a whole region, and only inside the caller’s scope', async () => {
    const { regions, people } = chart;
    const input = { courseId: course.course.id, dueAt: '2026-04-01T00:00:00Z', jobRoleCodes: ['CASHIER'] };

    const assigned = await graphql(
      t.app,
      ASSIGN,
      { input: { ...input, regionId: regions.north.id } },
      t.tokenFor(people.regional),
    );
    expect(assigned.data!.assignCourse).toEqual({ created: 2, skipped: 0 });
    expect(await openHolders()).toEqual(sorted(people.employee.id, n2Cashier.id));

    const refusals = [
      [people.regional, { ...input, regionId: regions.south.id }],
      [people.manager, { ...input, regionId: regions.north.id }],
      [people.employee, { ...input, regionId: regions.north.id }],
    ] as const;
    for (const [caller, refused] of refusals) {
      expect(errorCode(await graphql(t.app, ASSIGN, { input: refused }, t.tokenFor(caller)))).toBe('FORBIDDEN');
    }
    expect(await openHolders()).toEqual(sorted(people.employee.id, n2Cashier.id));

    const again = await graphql(
      t.app,
      ASSIGN,
      { input: { ...input, regionId: regions.north.id } },
      t.tokenFor(people.hr),
    );
    expect(again.data!.assignCourse).toEqual({ created: 0, skipped: 2 });
  });

  it('gives a programme limited to a region or a store to exactly those people, and follows transfers', async () => {
    const { regions, stores, people } = chart;
    const created = await graphql(
      t.app,
      CREATE_PROGRAM,
      {
        input: {
          code: 'LPR',
          name: 'LP North',
          courseIds: [course.course.id],
          validityMonths: 12,
          recertifyWindowDays: 60,
          audience: [
            { jobRoleCode: 'CASHIER', regionId: regions.north.id },
            { jobRoleCode: 'SALES_ASSOCIATE', storeId: stores.n2.id },
          ],
        },
      },
      t.tokenFor(people.hr),
    );
    expect(created.errors).toBeUndefined();
    // Cashiers of the north (n1, n2) and the sales associate of n2; not n1's, nor the south's cashier.
    expect(await openHolders()).toEqual(sorted(people.employee.id, n2Cashier.id, people.n2Employee.id));

    const hr = t.tokenFor(people.hr);
    expect(
      (await graphql(t.app, TRANSFER, { id: people.s1Employee.id, store: stores.n1.id }, hr)).errors,
    ).toBeUndefined();
    expect(
      (await graphql(t.app, TRANSFER, { id: people.n2Employee.id, store: stores.n1.id }, hr)).errors,
    ).toBeUndefined();
    expect(await openHolders()).toEqual(sorted(people.employee.id, n2Cashier.id, people.s1Employee.id));

    const figures = await graphql(
      t.app,
      'query ($s: ID!) { storeCompliance(storeId: $s) { programs { program { code } required missing } } }',
      { s: stores.n2.id },
      hr,
    );
    expect(figures.data!.storeCompliance.programs).toEqual([{ program: { code: 'LPR' }, required: 1, missing: 1 }]);
  });

  it('renews a programme dated from the completion from the day of the renewal, not the old expiry', async () => {
    const { people } = chart;
    const hr = t.tokenFor(people.hr);
    const input = {
      code: 'LPC',
      name: 'LP Completion',
      courseIds: [course.course.id],
      validityMonths: 12,
      recertifyWindowDays: 60,
      renewalBasis: 'COMPLETION',
    };
    const programId = (await graphql(t.app, CREATE_PROGRAM, { input }, hr)).data!.createCertificationProgram.id;
    const first = await graphql(t.app, GRANT, { e: people.employee.id, p: programId }, hr);
    expect(first.data!.grantCertification.expiresAt).toBe('2027-03-02T09:00:00.000Z');

    t.clock.set(new Date('2027-01-15T12:00:00Z'));
    const renewed = await graphql(t.app, GRANT, { e: people.employee.id, p: programId }, t.tokenFor(people.hr));
    expect(renewed.data!.grantCertification).toMatchObject({
      issuedAt: '2027-01-15T12:00:00.000Z',
      expiresAt: '2028-01-15T12:00:00.000Z',
    });
  });

  describe('the audit trail', () => {
    const eventsOf = async (action: string, token: string) =>
      (await graphql(t.app, AUDIT, { action }, token)).data!.auditEvents.edges.map(
        (edge: { node: Record<string, unknown> }) => edge.node,
      );

    it('records a grant and a renewal with who made them and the certificate they issued', async () => {
      const { people } = chart;
      const hr = t.tokenFor(people.hr);
      const input = {
        code: 'LPA',
        name: 'LP Audit',
        courseIds: [course.course.id],
        validityMonths: 12,
        recertifyWindowDays: 60,
      };
      const programId = (await graphql(t.app, CREATE_PROGRAM, { input }, hr)).data!.createCertificationProgram.id;
      const first = (await graphql(t.app, GRANT, { e: people.employee.id, p: programId }, hr)).data!.grantCertification;
      t.clock.set(new Date('2027-02-01T09:00:00Z'));
      const later = t.tokenFor(people.hr);
      const renewed = (await graphql(t.app, GRANT, { e: people.employee.id, p: programId }, later)).data!
        .grantCertification;

      for (const [action, certificate] of [
        ['CERTIFICATION_ISSUED', first],
        ['CERTIFICATION_RENEWED', renewed],
      ] as const) {
        const [event] = await eventsOf(action, later);
        expect(event).toMatchObject({
          subjectType: 'Certification',
          subjectId: certificate.id,
          actor: { id: String(people.hr.id) },
          store: { id: String(chart.stores.n1.id) },
        });
        expect(JSON.parse(event.after as string)).toMatchObject({
          employeeId: people.employee.id,
          source: 'MANUAL_GRANT',
        });
      }
    });

    it('shows a store manager the assignments they made to people of their store', async () => {
      const { people } = chart;
      const input = { courseId: course.course.id, dueAt: '2026-04-01T00:00:00Z', employeeIds: [people.employee.id] };
      const manager = t.tokenFor(people.manager);
      expect((await graphql(t.app, ASSIGN, { input }, manager)).data!.assignCourse.created).toBe(1);

      const [event] = await eventsOf('COURSE_ASSIGNED', manager);
      expect(event).toMatchObject({
        subjectType: 'Course',
        subjectId: String(course.course.id),
        actor: { id: String(people.manager.id) },
        store: { id: String(chart.stores.n1.id) },
      });
      expect(JSON.parse(event.after as string)).toMatchObject({ employeeIds: [people.employee.id], created: 1 });
      // The south's manager sees nothing of it.
      expect(await eventsOf('COURSE_ASSIGNED', t.tokenFor(people.s1Manager))).toEqual([]);
    });

    it('records an assignment across stores once per store, so each store’s manager reads theirs', async () => {
      const { people, regions, stores } = chart;
      const input = { courseId: course.course.id, dueAt: '2026-04-01T00:00:00Z' };
      const hr = t.tokenFor(people.hr);
      expect((await graphql(t.app, ASSIGN, { input: { ...input, employeeIds: [n2Cashier.id] } }, hr)).data).toEqual({
        assignCourse: { created: 1, skipped: 0 },
      });
      const regional = t.tokenFor(people.regional);
      const acrossRegion = { ...input, regionId: regions.north.id, jobRoleCodes: ['CASHIER'] };
      expect((await graphql(t.app, ASSIGN, { input: acrossRegion }, regional)).data).toEqual({
        assignCourse: { created: 1, skipped: 1 },
      });

      const byStore = (events: Record<string, unknown>[]) =>
        events.map((event) => ({
          store: event.store as { id: string },
          actor: event.actor,
          ...(JSON.parse(event.after as string) as { created: number; skipped: number }),
        }));
      const n1 = { store: { id: String(stores.n1.id) }, actor: { id: String(people.regional.id) } };
      const n2 = { store: { id: String(stores.n2.id) }, actor: { id: String(people.regional.id) } };
      const request = { ...acrossRegion, dueAt: '2026-04-01T00:00:00.000Z' };
      // Each event has the request and its store's figures. The regional manager works outside n1:
      // its manager reads what was done, not who did it.
      expect(byStore(await eventsOf('COURSE_ASSIGNED', t.tokenFor(people.manager)))).toEqual([
        { ...n1, actor: null, ...request, created: 1, skipped: 0 },
      ]);
      const all = byStore(await eventsOf('COURSE_ASSIGNED', regional));
      expect(all.slice(0, 2).sort((x, y) => Number(x.store.id) - Number(y.store.id))).toEqual([
        { ...n1, ...request, created: 1, skipped: 0 },
        { ...n2, ...request, created: 0, skipped: 1 },
      ]);
      expect(all[2]).toMatchObject({ store: n2.store, employeeIds: [n2Cashier.id], created: 1 });
      expect(await eventsOf('COURSE_ASSIGNED', t.tokenFor(people.s1Manager))).toEqual([]);
    });

    it('lists the people named by id in their own store’s event only', async () => {
      const { people, stores } = chart;
      const employeeIds = [people.employee.id, n2Cashier.id];
      const input = { courseId: course.course.id, dueAt: '2026-04-01T00:00:00Z', employeeIds };
      expect((await graphql(t.app, ASSIGN, { input }, t.tokenFor(people.hr))).data!.assignCourse.created).toBe(2);

      const events = await eventsOf('COURSE_ASSIGNED', t.tokenFor(people.hr));
      const named = events.map((event: Record<string, unknown>) => ({
        store: (event.store as { id: string }).id,
        employeeIds: (JSON.parse(event.after as string) as { employeeIds: number[] }).employeeIds,
      }));
      expect(named.sort((x: { store: string }, y: { store: string }) => Number(x.store) - Number(y.store))).toEqual([
        { store: String(stores.n1.id), employeeIds: [people.employee.id] },
        { store: String(stores.n2.id), employeeIds: [n2Cashier.id] },
      ]);
    });
  });
});
