import { buildOrgChart, createTestApp, errorCode, graphql, type OrgChart, type TestApp } from '@lp/testing';

const UPDATE = `mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }`;
const HISTORY = `query ($id: ID!) {
  employee(id: $id) { history { kind from to changedAt changedBy { id } } }
}`;
const AUDIT = `query ($filter: AuditEventFilterInput, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id action subjectType subjectId occurredAt before after actor { id } store { code } } }
  }
}`;

describe('employee history and the audit log', () => {
  let t: TestApp;
  let chart: OrgChart;
  const token = (person: keyof OrgChart['people']) => t.tokenFor(chart.people[person]);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
    // HR moves the colleague from n1 to s1 as an LP officer, then makes the cashier a supervisor.
    const hr = token('hr');
    const moved = await graphql(
      t.app,
      UPDATE,
      { id: chart.people.colleague.id, input: { storeId: chart.stores.s1.id, jobRoleCode: 'LP_OFFICER' } },
      hr,
    );
    expect(moved.errors).toBeUndefined();
    t.clock.advanceMinutes(5);
    await graphql(t.app, UPDATE, { id: chart.people.employee.id, input: { jobRoleCode: 'SUPERVISOR' } }, hr);
  });
  afterAll(() => t.close());

  describe('Employee.history', () => {
    it('shows a transfer by store code and a job-role change, with who made them', async () => {
      const response = await graphql(t.app, HISTORY, { id: chart.people.colleague.id }, token('hr'));
      expect(response.data!.employee.history).toEqual(
        expect.arrayContaining([
          {
            kind: 'STORE',
            from: chart.stores.n1.code,
            to: chart.stores.s1.code,
            changedAt: expect.any(String),
            changedBy: { id: String(chart.people.hr.id) },
          },
          expect.objectContaining({ kind: 'JOB_ROLE', from: 'SALES_ASSOCIATE', to: 'LP_OFFICER' }),
        ]),
      );
      expect(response.data!.employee.history).toHaveLength(2);
    });

    it('is visible to whoever may see the employee, but hides a changer outside their scope', async () => {
      const bySouthManager = await graphql(
        t.app,
        'query ($id: ID!) { employee(id: $id) { history { changedBy { id } bySystem } } }',
        { id: chart.people.colleague.id },
        token('s1Manager'),
      );
      // HR made both changes: not the system, though HR works outside the stores they see.
      expect(bySouthManager.data!.employee.history).toEqual([
        { changedBy: null, bySystem: false },
        { changedBy: null, bySystem: false },
      ]);

      const byThemselves = await graphql(
        t.app,
        '{ me { history { kind to changedBy { id } } } }',
        {},
        token('employee'),
      );
      expect(byThemselves.data!.me.history).toEqual([{ kind: 'JOB_ROLE', to: 'SUPERVISOR', changedBy: null }]);
    });

    it('is out of reach with the employee: the old store’s manager gets NOT_FOUND', async () => {
      const response = await graphql(t.app, HISTORY, { id: chart.people.colleague.id }, token('manager'));
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect(response.data?.employee ?? null).toBeNull();
    });

    it('loads the history of a whole page of employees', async () => {
      const response = await graphql(
        t.app,
        '{ employees(first: 100) { edges { node { employeeNumber history { kind } } } } }',
        {},
        token('hr'),
      );
      const withHistory = response.data!.employees.edges.filter(
        (edge: { node: { history: unknown[] } }) => edge.node.history.length > 0,
      );
      expect(withHistory).toHaveLength(2);
    });
  });

  describe('auditEvents', () => {
    const events = async (person: keyof OrgChart['people'], variables: Record<string, unknown> = {}) => {
      const response = await graphql(t.app, AUDIT, variables, token(person));
      expect(response.errors).toBeUndefined();
      return response.data!.auditEvents;
    };

    it('gives HR the changes with before and after, newest first, filtered by subject', async () => {
      const log = await events('hr', {
        filter: { subjectType: 'Employee', subjectId: String(chart.people.colleague.id) },
      });
      expect(log.totalCount).toBe(1);
      const [{ node }] = log.edges;
      expect(node).toMatchObject({
        action: 'EMPLOYEE_UPDATED',
        actor: { id: String(chart.people.hr.id) },
        store: { code: chart.stores.s1.code },
      });
      expect(JSON.parse(node.before)).toMatchObject({ storeId: chart.stores.n1.id, jobRoleCode: 'SALES_ASSOCIATE' });
      expect(JSON.parse(node.after)).toMatchObject({ storeId: chart.stores.s1.id, jobRoleCode: 'LP_OFFICER' });

      const all = await events('hr', { filter: { action: 'EMPLOYEE_UPDATED' } });
      expect(all.edges.map((e: { node: { subjectId: string } }) => e.node.subjectId)).toEqual([
        String(chart.people.employee.id),
        String(chart.people.colleague.id),
      ]);
    });

    it('filters by actor and time, and pages with a cursor', async () => {
      const byHr = await events('hr', { filter: { actorId: String(chart.people.hr.id) } });
      expect(byHr.totalCount).toBe(2);
      const later = await events('hr', { filter: { from: new Date(t.clock.now().getTime() - 60_000).toISOString() } });
      expect(later.totalCount).toBe(1);

      const first = await events('hr', { first: 1, filter: { action: 'EMPLOYEE_UPDATED' } });
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await events('hr', {
        first: 1,
        after: first.pageInfo.endCursor,
        filter: { action: 'EMPLOYEE_UPDATED' },
      });
      expect(second.edges[0].node.subjectId).toBe(String(chart.people.colleague.id));
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('shows managers only the events of their stores, and never who acted from outside', async () => {
      const n1 = await events('manager');
      expect(n1.edges.map((e: { node: { subjectId: string } }) => e.node.subjectId)).toEqual([
        String(chart.people.employee.id),
      ]);
      // HR works at n1, so its manager may see who acted.
      expect(n1.edges[0].node.actor).toEqual({ id: String(chart.people.hr.id) });

      const otherStoreFilter = await events('manager', {
        filter: { subjectType: 'Employee', subjectId: String(chart.people.colleague.id) },
      });
      expect(otherStoreFilter.totalCount).toBe(0);

      const south = await events('s1Manager');
      expect(south.edges.map((e: { node: { subjectId: string } }) => e.node.subjectId)).toEqual([
        String(chart.people.colleague.id),
      ]);
      expect(south.edges[0].node.actor).toBeNull();
      const north = await events('regional');
      expect(north.totalCount).toBe(1);
    });

    it('is not for employees: FORBIDDEN', async () => {
      expect(errorCode(await graphql(t.app, AUDIT, {}, token('employee')))).toBe('FORBIDDEN');
    });

    it('records a change of managed stores with the scope before and after (runs last: it adds an event)', async () => {
      const { n2Employee } = chart.people;
      const promoted = await graphql(
        t.app,
        UPDATE,
        {
          id: n2Employee.id,
          input: { role: 'STORE_MANAGER', managedStoreIds: [chart.stores.n2.id, chart.stores.n1.id] },
        },
        token('hr'),
      );
      expect(promoted.errors).toBeUndefined();
      const log = await events('hr', { filter: { subjectType: 'Employee', subjectId: String(n2Employee.id) } });
      const { before, after } = log.edges[0].node;
      expect(JSON.parse(before)).toMatchObject({ role: 'EMPLOYEE', managedStoreIds: [], managedRegionIds: [] });
      expect(JSON.parse(after)).toMatchObject({
        role: 'STORE_MANAGER',
        managedStoreIds: [chart.stores.n2.id, chart.stores.n1.id],
        managedRegionIds: [],
      });
    });

    it('refuses a malformed filter with BAD_USER_INPUT', async () => {
      expect(errorCode(await graphql(t.app, AUDIT, { filter: { from: 'yesterday' } }, token('hr')))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await graphql(t.app, AUDIT, { filter: { actorId: 'me' } }, token('hr')))).toBe('BAD_USER_INPUT');
      expect(errorCode(await graphql(t.app, AUDIT, { after: 'not-a-cursor' }, token('hr')))).toBe('BAD_USER_INPUT');
    });
  });
});
