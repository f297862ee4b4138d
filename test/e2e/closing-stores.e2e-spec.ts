import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '@lp/core';
import { NotificationSweep } from '@lp/notifications';
import { EMPLOYEE_CSV_COLUMNS, type EmployeeEntity, EmployeeLifecycle, Role, type StoreEntity } from '@lp/organisation';
import { ReminderPlanning } from '@lp/reminders';
import { SnapshotJob, SnapshotService, SnapshotTrigger } from '@lp/reporting';
import {
  buildEmployee,
  buildOrgChart,
  buildProgram,
  buildStore,
  errorCode,
  eventually,
  graphql,
  lockWaitsOn,
  type OrgChart,
  rowCounts,
  type TestApp,
  type TestWorker,
  useApiWithWorker,
} from '@lp/testing';

const CLOSE = 'mutation ($id: ID!) { closeStore(id: $id) { id code closedOn } }';
const REOPEN = 'mutation ($id: ID!) { reopenStore(id: $id) { id code closedOn } }';
const STORE = 'query ($id: ID!) { store(id: $id) { code closedOn } }';
const STORES = 'query ($closed: Boolean) { stores(closed: $closed, first: 100) { edges { node { code closedOn } } } }';
const CREATE_EMPLOYEE = 'mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }';
const UPDATE_EMPLOYEE =
  'mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }';
const DEACTIVATE = 'mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }';
const IMPORT = `mutation ($csv: String!) { importEmployees(csv: $csv) { created updated errorCount errors { line message } } }`;
const GRANT = 'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id } }';
const EMPLOYEES = `query ($storeId: ID) { employees(filter: { storeId: $storeId }, first: 50) { edges { node { id active } } } }`;
const STORE_EVENTS = `query ($id: String) { auditEvents(filter: { subjectType: "Store", subjectId: $id }) {
  edges { node { action before after actor { id } } }
} }`;
const TOTALS = 'headcount required certified compliancePercent';
const CURRENT_REPORTS = `{
  complianceByStore(first: 100) { totalCount edges { node { store { code } } } }
  regionCompliance { region { code } ${TOTALS} }
  chainCompliance { ${TOTALS} }
}`;
const STORE_COMPLIANCE = `query ($id: ID!) { storeCompliance(storeId: $id) { store { code closedOn } headcount required } }`;
const CHAIN_TREND = `query ($p: ID!, $from: String!, $to: String!) {
  chainComplianceTrend(programId: $p, from: $from, to: $to) { day required certified }
}`;
const STORE_TREND = `query ($s: ID!, $p: ID!, $from: String!, $to: String!) {
  storeComplianceTrend(storeId: $s, programId: $p, from: $from, to: $to) { day required certified }
}`;
const TABLES = ['stores', 'employees', 'employee_changes', 'store_managers', 'audit_events'];

/** Monday 2 March 2026, 09:00 in London, 10:00 in Madrid: a digest week's first morning. */
const MONDAY = new Date('2026-03-02T09:00:00Z');

/**
 * A chain closes stores that have history, which cannot be deleted: HR closes them instead.
 * A closed store keeps its history and stays readable, marked closed; nobody joins it; the
 * current reports, the nightly snapshots and the managers' digests leave it out.
 */
describe('closing a store', () => {
  const suite = useApiWithWorker();
  let t: TestApp;
  let worker: TestWorker;
  let chart: OrgChart;
  /** Old Town, in the north, in Madrid: a cashier and its store manager work there. */
  let store: StoreEntity;
  let cashier: EmployeeEntity;
  let leader: EmployeeEntity;
  let programId: number;

  /** While set, the hire of this employee number waits inside its transaction until released. */
  let heldHire: { employeeNumber: string; reached: () => void; released: Promise<void> } | undefined;

  beforeAll(() => {
    ({ t, worker } = suite);
    t.app.get(EmployeeLifecycle).register({
      onHired: async (_manager, employee) => {
        if (heldHire?.employeeNumber !== employee.employeeNumber) return;
        heldHire.reached();
        await heldHire.released;
      },
    });
  });

  beforeEach(async () => {
    t.clock.set(MONDAY);
    chart = await buildOrgChart(t.dataSource);
    store = await buildStore(t.dataSource, {
      code: 'OLD-TOWN',
      name: 'Old Town',
      regionId: chart.regions.north.id,
      timezone: 'Europe/Madrid',
    });
    cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    leader = await buildEmployee(t.dataSource, {
      storeId: store.id,
      role: Role.STORE_MANAGER,
      jobRoleCode: 'STORE_MANAGER',
    });
    const program = await buildProgram(t.dataSource, { code: 'CASH', name: 'Cash handling' });
    programId = program.id;
    await t.dataSource.query(
      "INSERT INTO program_audiences (program_id, job_role_id) SELECT ?, id FROM job_roles WHERE code = 'CASHIER'",
      [program.id],
    );
    await asHr(GRANT, { e: cashier.id, p: program.id });
  });

  const asHr = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  /** Refused with `code`, nothing written; the first error. */
  const refused = async (code: string, query: string, variables: Record<string, unknown>) => {
    const before = await rowCounts(t.dataSource, TABLES);
    const closedBefore = await t.dataSource.query('SELECT id, closed_on FROM stores ORDER BY id');
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(errorCode(response)).toBe(code);
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    expect(await t.dataSource.query('SELECT id, closed_on FROM stores ORDER BY id')).toEqual(closedBefore);
    return response.errors![0];
  };
  /** Moves the cashier to n1 and lets the store manager go: nobody works at Old Town any more. */
  const emptyTheStore = async () => {
    await asHr(UPDATE_EMPLOYEE, { id: cashier.id, input: { storeId: chart.stores.n1.id } });
    await asHr(DEACTIVATE, { id: leader.id });
  };
  const storeEvents = async () =>
    (await asHr(STORE_EVENTS, { id: String(store.id) })).auditEvents.edges.map(
      (edge: { node: { action: string; before: string | null; after: string | null } }) => edge.node,
    );

  it('refuses to close a store people still work in, saying how many and what to do', async () => {
    const error = await refused('CONFLICT', CLOSE, { id: store.id });
    expect(error.message).toBe(
      'Store OLD-TOWN cannot be closed: 2 active employees work there. ' +
        'Move them to another store or deactivate them first (updateEmployee, or the employee import).',
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', activeEmployees: 2 });

    await asHr(UPDATE_EMPLOYEE, { id: cashier.id, input: { storeId: chart.stores.n1.id } });
    expect((await refused('CONFLICT', CLOSE, { id: store.id })).message).toMatch(
      /^Store OLD-TOWN cannot be closed: 1 active employee works there\. /,
    );
    expect(await refused('NOT_FOUND', CLOSE, { id: 999_999 })).toMatchObject({ message: 'Store 999999 not found' });
    expect(await refused('BAD_USER_INPUT', CLOSE, { id: 'abc' })).toBeDefined();

    // Managers follow their stores; opening and closing them is HR's.
    for (const who of [chart.people.manager, chart.people.regional]) {
      const response = await graphql(t.app, CLOSE, { id: chart.stores.n1.id }, t.tokenFor(who));
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
  });

  it('closes a store on its own day once its people have gone; its history stays readable, marked closed', async () => {
    await emptyTheStore();
    // 23:30 in London is half past midnight on Tuesday in Madrid.
    t.clock.set(new Date('2026-03-02T23:30:00Z'));
    const closed = (await asHr(CLOSE, { id: store.id })).closeStore;
    expect(closed).toEqual({ id: String(store.id), code: 'OLD-TOWN', closedOn: '2026-03-03' });

    // Closing it again changes nothing, and is not a second event.
    t.clock.set(new Date('2026-03-05T12:00:00Z'));
    expect((await asHr(CLOSE, { id: store.id })).closeStore.closedOn).toBe('2026-03-03');
    const events = await storeEvents();
    expect(events.filter((event: { action: string }) => event.action === 'STORE_CLOSED')).toEqual([
      expect.objectContaining({ actor: { id: String(chart.people.hr.id) } }),
    ]);
    expect(JSON.parse(events[0].after)).toEqual({ closedOn: '2026-03-03' });

    expect((await asHr(STORE, { id: store.id })).store).toEqual({ code: 'OLD-TOWN', closedOn: '2026-03-03' });
    const codes = async (closedFilter: boolean | null) =>
      (await asHr(STORES, { closed: closedFilter })).stores.edges.map(
        (edge: { node: { code: string } }) => edge.node.code,
      );
    expect(await codes(true)).toEqual(['OLD-TOWN']);
    expect(await codes(false)).not.toContain('OLD-TOWN');
    expect(await codes(null)).toContain('OLD-TOWN');
    // Its former store manager is still on its list of people; the certificate went with the cashier.
    expect((await asHr(EMPLOYEES, { storeId: store.id })).employees.edges).toEqual([
      { node: { id: String(leader.id), active: false } },
    ]);
  });

  it('lets nobody be hired, moved or imported into a closed store, and writes nothing', async () => {
    await emptyTheStore();
    await asHr(CLOSE, { id: store.id });
    const closedMessage =
      'Store OLD-TOWN was closed on 2026-03-02: nobody can be hired or moved into it. Reopen it first (reopenStore) if it opens again.';

    const hire = { employeeNumber: 'NEW-1', firstName: 'Noa', lastName: 'Vidal', jobRoleCode: 'CASHIER' };
    const hired = await refused('CONFLICT', CREATE_EMPLOYEE, { input: { ...hire, storeId: store.id } });
    expect(hired.message).toBe(closedMessage);
    expect(hired.extensions).toMatchObject({ field: 'storeId', closedOn: '2026-03-02' });
    const moved = await refused('CONFLICT', UPDATE_EMPLOYEE, {
      id: chart.people.colleague.id,
      input: { storeId: store.id },
    });
    expect(moved.message).toBe(closedMessage);

    const before = await rowCounts(t.dataSource, TABLES);
    const line = (number: string, role = '') => [number, 'Noa', 'Vidal', '', 'CASHIER', 'old-town', role, ''].join(',');
    const csv = [EMPLOYEE_CSV_COLUMNS.join(','), line('NEW-1'), line(leader.employeeNumber, 'STORE_MANAGER')].join(
      '\n',
    );
    const imported = (await asHr(IMPORT, { csv })).importEmployees;
    const message = 'store_code old-town was closed on 2026-03-02; nobody can be hired or moved into it';
    expect(imported).toEqual({
      created: 0,
      updated: 0,
      errorCount: 2,
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    });
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);

    // The record of someone who worked there can still be put right.
    await asHr(UPDATE_EMPLOYEE, { id: leader.id, input: { lastName: 'Vidal-Ruiz' } });
  });

  it('is left out of the current rankings and rollups, which keep their figures; its own report says it is closed', async () => {
    const current = async () => asHr(CURRENT_REPORTS);
    const before = await current();
    expect(
      before.complianceByStore.edges.map((edge: { node: { store: { code: string } } }) => edge.node.store.code),
    ).toContain('OLD-TOWN');

    await emptyTheStore();
    const emptied = await current();
    await asHr(CLOSE, { id: store.id });
    const after = await current();

    expect(after.complianceByStore.totalCount).toBe(emptied.complianceByStore.totalCount - 1);
    expect(
      after.complianceByStore.edges.map((edge: { node: { store: { code: string } } }) => edge.node.store.code),
    ).not.toContain('OLD-TOWN');
    // Nobody works there, so the region's and the chain's figures are those of the open stores.
    expect(after.regionCompliance).toEqual(emptied.regionCompliance);
    expect(after.chainCompliance).toEqual(emptied.chainCompliance);
    expect((await asHr(STORE_COMPLIANCE, { id: store.id })).storeCompliance).toEqual({
      store: { code: 'OLD-TOWN', closedOn: '2026-03-02' },
      headcount: 0,
      required: 0,
    });

    const csv = await request(t.app.getHttpServer())
      .get('/reports/store-compliance.csv')
      .set('authorization', `Bearer ${t.tokenFor(chart.people.hr)}`)
      .buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(chart.stores.n1.code);
    expect(csv.text).not.toContain('OLD-TOWN');
  });

  it('does not close a store while someone is being hired into it: the hire counts', async () => {
    await emptyTheStore();
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      heldHire = {
        employeeNumber: 'RACE-1',
        reached: resolve,
        released: new Promise<void>((done) => (release = done)),
      };
    });
    try {
      const input = { employeeNumber: 'RACE-1', firstName: 'Noa', lastName: 'Vidal', jobRoleCode: 'CASHIER' };
      const hiring = asHr(CREATE_EMPLOYEE, { input: { ...input, storeId: store.id } });
      await reached;
      const closing = graphql(t.app, CLOSE, { id: store.id }, t.tokenFor(chart.people.hr));
      const waited = await lockWaitsOn(t.dataSource, 'stores');
      release();
      await hiring;
      const closed = await closing;
      expect(waited).toBe(true);
      expect(errorCode(closed)).toBe('CONFLICT');
      expect(closed.errors![0].extensions).toMatchObject({ activeEmployees: 1 });
      expect((await asHr(STORE, { id: store.id })).store.closedOn).toBeNull();
    } finally {
      heldHire = undefined;
      release();
    }
  });

  /** Another transaction closes the store and holds it, as closeStore does, until `hiring` waits for it. */
  async function hireWhileClosing<T>(hiring: () => Promise<T>): Promise<T> {
    const closing = t.dataSource.createQueryRunner();
    try {
      await closing.startTransaction();
      await closing.query('SELECT id FROM stores WHERE id = ? FOR UPDATE', [store.id]);
      await closing.query("UPDATE stores SET closed_on = '2026-03-02' WHERE id = ?", [store.id]);
      const answer = hiring();
      expect(await lockWaitsOn(t.dataSource, '')).toBe(true);
      await closing.commitTransaction();
      return await answer;
    } finally {
      if (closing.isTransactionActive) await closing.rollbackTransaction();
      await closing.release();
    }
  }

  it('refuses a hire or an import that waited for a closing to commit', async () => {
    await emptyTheStore();
    const input = { employeeNumber: 'RACE-1', firstName: 'Noa', lastName: 'Vidal', jobRoleCode: 'CASHIER' };
    const hired = await hireWhileClosing(() =>
      graphql(t.app, CREATE_EMPLOYEE, { input: { ...input, storeId: store.id } }, t.tokenFor(chart.people.hr)),
    );
    expect(errorCode(hired)).toBe('CONFLICT');
    expect(hired.errors![0].extensions).toMatchObject({ field: 'storeId', closedOn: '2026-03-02' });

    await t.dataSource.query('UPDATE stores SET closed_on = NULL WHERE id = ?', [store.id]);
    const csv = [EMPLOYEE_CSV_COLUMNS.join(','), 'RACE-1,Noa,Vidal,,CASHIER,OLD-TOWN,,'].join('\n');
    const imported = await hireWhileClosing(() => graphql(t.app, IMPORT, { csv }, t.tokenFor(chart.people.hr)));
    expect(imported.data!.importEmployees).toMatchObject({ created: 0, errorCount: 1 });
    expect(await t.dataSource.query("SELECT id FROM employees WHERE employee_number = 'RACE-1'")).toEqual([]);
  });

  it('reopens a closed store, which people can join again', async () => {
    await emptyTheStore();
    await asHr(CLOSE, { id: store.id });
    t.clock.set(new Date('2026-04-01T09:00:00Z'));
    expect((await asHr(REOPEN, { id: store.id })).reopenStore).toEqual({
      id: String(store.id),
      code: 'OLD-TOWN',
      closedOn: null,
    });
    // An open store is answered as it is.
    expect((await asHr(REOPEN, { id: store.id })).reopenStore.closedOn).toBeNull();
    const events = await storeEvents();
    expect(events.map((event: { action: string }) => event.action).slice(0, 2)).toEqual([
      'STORE_REOPENED',
      'STORE_CLOSED',
    ]);
    expect(JSON.parse(events[0].before)).toEqual({ closedOn: '2026-03-02' });

    await asHr(CREATE_EMPLOYEE, {
      input: {
        employeeNumber: 'NEW-1',
        firstName: 'Noa',
        lastName: 'Vidal',
        jobRoleCode: 'CASHIER',
        storeId: store.id,
      },
    });
    const ranked = (await asHr(CURRENT_REPORTS)).complianceByStore.edges.map(
      (edge: { node: { store: { code: string } } }) => edge.node.store.code,
    );
    expect(ranked).toContain('OLD-TOWN');
  });

  it("keeps a closed store's daily snapshots, which no later run rewrites, and counts it out of today's as the reports do", async () => {
    const snapshots = worker.app.get(SnapshotService);
    const queue = t.app.get<Queue>(getQueueToken(QueueName.ComplianceSnapshots));
    await snapshots.closeMissingDays();
    const days = async () =>
      (
        (await t.dataSource.query(
          "SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, required FROM store_compliance_snapshots WHERE store_id = ? ORDER BY day",
          [store.id],
        )) as { day: string; required: number }[]
      ).map((row) => `${row.day}: ${row.required}`);
    expect(await days()).toEqual(['2026-03-01: 1', '2026-03-02: 1']);

    await emptyTheStore();
    await asHr(CLOSE, { id: store.id });
    // The recomputes the changes queued, run now rather than after their coalescing delay.
    await t.app.get(SnapshotTrigger).flushed();
    await eventually(async () => {
      const jobs = await queue.getJobs(['delayed', 'waiting', 'active']);
      await Promise.all(
        jobs
          .filter((job) => job.name === SnapshotJob.RecomputeStoreSnapshot)
          .map((job) => job.promote().catch(() => 0)),
      );
      expect(await days()).toEqual(['2026-03-01: 1']);
    }, 20_000);

    // A week on, the nightly run closes the days in between without it.
    t.clock.set(new Date('2026-03-09T09:00:00Z'));
    await snapshots.closeMissingDays();
    expect(await days()).toEqual(['2026-03-01: 1']);
    const trend = { p: programId, from: '2026-03-01', to: '2026-03-09' };
    expect((await asHr(STORE_TREND, { ...trend, s: store.id })).storeComplianceTrend).toEqual([
      { day: '2026-03-01', required: 1, certified: 1 },
    ]);
    const chainTrend = (await asHr(CHAIN_TREND, trend)).chainComplianceTrend as {
      day: string;
      required: number;
      certified: number;
    }[];
    const live = (await asHr(CURRENT_REPORTS)).chainCompliance;
    // 1 March counts Old Town's cashier there, with the chart's two; today counts what the report does.
    expect(chainTrend[0]).toEqual({ day: '2026-03-01', required: 3, certified: 1 });
    expect(chainTrend[chainTrend.length - 1]).toEqual({
      day: '2026-03-09',
      required: live.required,
      certified: live.certified,
    });

    // A rebuild from today's roster, where nobody works at Old Town, would erase its history: it keeps it.
    await snapshots.backfill('2026-03-01');
    expect(await days()).toEqual(['2026-03-01: 1']);
  });

  it("leaves a closed store out of its managers' weekly digests", async () => {
    // Someone at n2 who manages only Old Town, and n1's manager, who manages Old Town too.
    const remote = await buildEmployee(t.dataSource, {
      storeId: chart.stores.n2.id,
      role: Role.STORE_MANAGER,
      jobRoleCode: 'STORE_MANAGER',
      managedStoreIds: [store.id],
    });
    await t.dataSource.query('INSERT INTO store_managers (employee_id, store_id) VALUES (?, ?)', [
      chart.people.manager.id,
      store.id,
    ]);
    await emptyTheStore();
    await asHr(CLOSE, { id: store.id });

    await worker.app.get(ReminderPlanning).plan();
    const digests = (await t.dataSource.query(
      "SELECT recipient_id FROM notifications WHERE kind = 'WEEKLY_DIGEST' ORDER BY recipient_id",
    )) as { recipient_id: number }[];
    const recipients = digests.map((row) => Number(row.recipient_id));
    expect(recipients).toContain(chart.people.manager.id);
    expect(recipients).not.toContain(remote.id);

    await worker.app.get(NotificationSweep).sweep();
    await suite.smtp.waitFor(digests.length);
    const managers = suite.smtp.messages.find(
      (m) => !Array.isArray(m.to) && m.to?.text === chart.people.manager.email,
    )!;
    expect(managers.text).toContain(`summary for ${chart.stores.n1.name}`);
    expect(managers.text).not.toContain('Old Town');
  });
});
