import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@lp/core';
import { Role } from '@lp/organisation';
import { SnapshotJob, SnapshotService, SnapshotTrigger, utcDayOf } from '@lp/reporting';
import {
  buildCourse,
  buildEmployee,
  buildProgram,
  buildRegion,
  buildStore,
  createTestApp,
  createTestWorker,
  errorCode,
  eventually,
  graphql,
  SmtpCapture,
  type TestApp,
  type TestWorker,
} from '@lp/testing';

const NOW = new Date('2026-05-20T10:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number, hour = 12) => new Date(Date.UTC(2026, 4, 20 + days, hour));

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const TREND = `query ($s: ID!, $p: ID!, $from: String!, $to: String!) {
  storeComplianceTrend(storeId: $s, programId: $p, from: $from, to: $to) {
    day required certified expiringSoon expired missing compliancePercent openAssignments completedAssignments overdueAssignments
  }
}`;
const REGION_TREND = `query ($r: ID!, $p: ID!, $from: String!, $to: String!) {
  regionComplianceTrend(regionId: $r, programId: $p, from: $from, to: $to) { day required certified compliancePercent }
}`;

const CHAIN_TREND = `query ($p: ID!, $from: String!, $to: String!) {
  chainComplianceTrend(programId: $p, from: $from, to: $to) { day required certified compliancePercent }
}`;

const COALESCE_MS = 300;

describe('daily compliance snapshots', () => {
  const smtp = new SmtpCapture();
  let t: TestApp;
  let worker: TestWorker;
  let queue: Queue;
  let snapshots: SnapshotService;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({ env: { SNAPSHOT_COALESCE_MS: String(COALESCE_MS) } });
    worker = await createTestWorker({ clock: t.clock, smtpUrl: smtp.url });
    queue = t.app.get(getQueueToken(QueueName.ComplianceSnapshots));
    snapshots = worker.app.get(SnapshotService);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
    await smtp.stop();
  });

  beforeEach(async () => {
    await t.reset();
    await queue.drain(true);
    await queue.clean(0, 10_000, 'completed');
    t.clock.set(NOW);
  });

  /**
   * Waits until every noted store is queued and no recompute is waiting, delayed or running
   * (the nightly close, always delayed until 00:30, is not a recompute).
   */
  const settled = async () => {
    await t.app.get(SnapshotTrigger).flushed();
    await eventually(async () => {
      const pending = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
      expect(pending.filter((job) => job.name === SnapshotJob.RecomputeStoreSnapshot)).toEqual([]);
    }, 20_000);
  };

  async function chain() {
    const ds = t.dataSource;
    const north = await buildRegion(ds);
    const south = await buildRegion(ds);
    const stores = [
      await buildStore(ds, { regionId: north.id }),
      await buildStore(ds, { regionId: north.id }),
      await buildStore(ds, { regionId: south.id }),
    ];
    const lpf = await buildProgram(ds, { validityMonths: 12, recertifyWindowDays: 60 });
    const cash = await buildProgram(ds, { validityMonths: 12, recertifyWindowDays: 60 });
    const roles = (await ds.query(
      "SELECT id, code FROM job_roles WHERE code IN ('LP_OFFICER', 'CASHIER', 'SUPERVISOR')",
    )) as { id: number; code: string }[];
    const role = (code: string) => roles.find((r) => r.code === code)!.id;
    await ds.query('INSERT INTO program_audiences (program_id, job_role_id, store_id, region_id) VALUES ?', [
      [
        [lpf.id, role('LP_OFFICER'), null, null],
        [lpf.id, role('SUPERVISOR'), null, null],
        [cash.id, role('CASHIER'), null, north.id],
      ],
    ]);
    const hr = await buildEmployee(ds, { role: Role.HR, storeId: stores[0].id, jobRoleCode: 'STORE_MANAGER' });
    return { north, south, stores, programs: [lpf, cash], hr };
  }

  /** A certificate issued 300 days ago, as if granted before the history began. */
  const certify = (employeeId: number, programId: number, number: string, expiresAt: Date) =>
    t.dataSource.query(
      `INSERT INTO certifications (employee_id, program_id, certificate_number, verification_code, issued_at, expires_at,
         source, current_key) VALUES (?, ?, ?, ?, ?, ?, 'MANUAL_GRANT', ?)`,
      [employeeId, programId, number, `V-${number}`, at(-300), expiresAt, programId],
    );

  it("keeps today's rows equal to the live storeCompliance figures through random events", async () => {
    const { stores, programs, hr } = await chain();
    const token = t.tokenFor(hr);
    const course = await buildCourse(t.dataSource);
    const next = random(12);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const roles = ['LP_OFFICER', 'CASHIER', 'SUPERVISOR', 'SALES_ASSOCIATE'];
    const call = async (query: string, variables: Record<string, unknown>) => {
      const result = await graphql(t.app, query, variables, token);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    let employees: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const hired = await call('mutation ($i: CreateEmployeeInput!) { createEmployee(input: $i) { id } }', {
        i: {
          employeeNumber: `R${i}`,
          firstName: 'Rand',
          lastName: `Om${i}`,
          jobRoleCode: pick(roles),
          storeId: String(pick(stores).id),
        },
      });
      employees.push(Number((hired.createEmployee as { id: string }).id));
    }
    for (let step = 0; step < 30; step += 1) {
      const kind = Math.floor(next() * 6);
      const employeeId = String(pick(employees));
      if (kind === 0) {
        // A grant that would renew a valid certificate before its window, or predate it, is refused.
        const granted = await graphql(
          t.app,
          'mutation ($e: ID!, $p: ID!, $at: DateTime) { grantCertification(employeeId: $e, programId: $p, issuedAt: $at) { id } }',
          { e: employeeId, p: String(pick(programs).id), at: new Date(NOW.getTime() - Math.floor(next() * 400) * DAY) },
          token,
        );
        if (granted.errors) expect(errorCode(granted)).toBe('CONFLICT');
      } else if (kind === 1) {
        const [cert] = (await t.dataSource.query(
          'SELECT id FROM certifications WHERE current_key IS NOT NULL AND revoked_at IS NULL ORDER BY id LIMIT 1',
        )) as { id: number }[];
        if (cert)
          await call('mutation ($c: ID!) { revokeCertification(id: $c, reason: "audit") { id } }', {
            c: String(cert.id),
          });
      } else if (kind === 2) {
        await call('mutation ($e: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $e, input: $i) { id } }', {
          e: employeeId,
          i: { storeId: String(pick(stores).id) },
        });
      } else if (kind === 3 && employees.length > 3) {
        await call('mutation ($e: ID!) { deactivateEmployee(id: $e) { id } }', { e: employeeId });
        employees = employees.filter((id) => String(id) !== employeeId);
      } else if (kind === 4) {
        await call('mutation ($i: AssignCourseInput!) { assignCourse(input: $i) { created } }', {
          i: { courseId: String(course.course.id), dueAt: new Date(NOW.getTime() + DAY), employeeIds: [employeeId] },
        });
      } else {
        const [open] = (await t.dataSource.query(
          "SELECT id FROM assignments WHERE status = 'ASSIGNED' ORDER BY id LIMIT 1",
        )) as { id: number }[];
        if (open) await call('mutation ($a: ID!) { cancelAssignment(id: $a) { id } }', { a: String(open.id) });
      }
    }
    await settled();

    for (const store of stores) {
      const live = await call(
        `query ($s: ID!) { storeCompliance(storeId: $s) { overdueAssignments programs {
           program { id } required certified expiringSoon expired missing compliancePercent } } }`,
        { s: String(store.id) },
      );
      const report = live.storeCompliance as {
        programs: { program: { id: string }; [figure: string]: unknown }[];
      };
      const rows = (await t.dataSource.query(
        `SELECT program_id, required, certified, expiring_soon, expired, missing, compliance_percent
           FROM store_compliance_snapshots WHERE store_id = ? AND day = ? ORDER BY program_id`,
        [store.id, '2026-05-20'],
      )) as Record<string, number | string>[];
      expect(
        rows.map((r) => ({
          program: { id: String(r.program_id) },
          required: r.required,
          certified: r.certified,
          expiringSoon: r.expiring_soon,
          expired: r.expired,
          missing: r.missing,
          compliancePercent: Number(r.compliance_percent),
        })),
      ).toEqual([...report.programs].sort((a, b) => Number(a.program.id) - Number(b.program.id)));
    }
  });

  it('coalesces a burst of 1,000 changes in one store into a few recomputes', async () => {
    const { stores } = await chain();
    const trigger = t.app.get(SnapshotTrigger);
    const started = Date.now();
    await Promise.all(Array.from({ length: 1000 }, () => trigger.recompute([stores[0].id])));
    const burstMs = Date.now() - started;
    await settled();
    const processed = await queue.getJobCounts('completed');
    // One recompute per coalescing window the burst spanned (a loaded machine stretches it).
    expect(processed.completed).toBeGreaterThanOrEqual(1);
    expect(processed.completed).toBeLessThanOrEqual(Math.ceil(burstMs / COALESCE_MS) + 2);
  });

  it('rebuilds the daily series of a store with known history, and sums regions', async () => {
    const { north, stores, programs, hr } = await chain();
    const [lpf] = programs;
    const ds = t.dataSource;
    const officer = await buildEmployee(ds, { storeId: stores[0].id, jobRoleCode: 'LP_OFFICER' });
    await buildEmployee(ds, { storeId: stores[0].id, jobRoleCode: 'LP_OFFICER' });
    const other = await buildEmployee(ds, { storeId: stores[1].id, jobRoleCode: 'LP_OFFICER' });
    await certify(officer.id, lpf.id, 'C-1', at(-3));
    await certify(other.id, lpf.id, 'C-2', at(200));
    const course = await buildCourse(ds);
    await ds.query(
      `INSERT INTO assignments (employee_id, course_id, due_at, status, reason, open_key, created_at, updated_at)
       VALUES (?, ?, ?, 'ASSIGNED', 'MANUAL', ?, ?, ?)`,
      [officer.id, course.course.id, at(-2), course.course.id, at(-10), at(-10)],
    );

    expect(await snapshots.backfill('2026-05-15')).toBe(5);
    const token = t.tokenFor(hr);
    const trend = await graphql(
      t.app,
      TREND,
      { s: String(stores[0].id), p: String(lpf.id), from: '2026-05-15', to: '2026-05-20' },
      token,
    );
    const point = (day: string, certified: number, overdue: number) => ({
      day,
      required: 2,
      certified,
      expiringSoon: certified,
      expired: 1 - certified,
      missing: 1,
      compliancePercent: certified * 50,
      openAssignments: 1,
      completedAssignments: 0,
      overdueAssignments: overdue,
    });
    expect(trend.data!.storeComplianceTrend).toEqual([
      point('2026-05-15', 1, 0),
      point('2026-05-16', 1, 0),
      point('2026-05-17', 0, 0),
      point('2026-05-18', 0, 1),
      point('2026-05-19', 0, 1),
      point('2026-05-20', 0, 1),
    ]);
    const region = await graphql(
      t.app,
      REGION_TREND,
      { r: String(north.id), p: String(lpf.id), from: '2026-05-16', to: '2026-05-17' },
      token,
    );
    expect(region.data!.regionComplianceTrend).toEqual([
      { day: '2026-05-16', required: 3, certified: 2, compliancePercent: 66.7 },
      { day: '2026-05-17', required: 3, certified: 1, compliancePercent: 33.3 },
    ]);
  });

  it('sums the chain trend over the caller’s scope: the chain for HR, their region for a regional manager', async () => {
    const { north, south, stores, programs, hr } = await chain();
    const [lpf] = programs;
    const ds = t.dataSource;
    const northOfficer = await buildEmployee(ds, { storeId: stores[0].id, jobRoleCode: 'LP_OFFICER' });
    await buildEmployee(ds, { storeId: stores[1].id, jobRoleCode: 'LP_OFFICER' });
    await buildEmployee(ds, { storeId: stores[2].id, jobRoleCode: 'LP_OFFICER' });
    await certify(northOfficer.id, lpf.id, 'C-1', at(200));
    await snapshots.backfill('2026-05-18');
    const northManager = await buildEmployee(ds, { role: Role.REGIONAL_MANAGER, managedRegionId: north.id });
    const southManager = await buildEmployee(ds, { role: Role.REGIONAL_MANAGER, managedRegionId: south.id });
    const storeManager = await buildEmployee(ds, { role: Role.STORE_MANAGER, storeId: stores[2].id });
    const employee = await buildEmployee(ds, { storeId: stores[0].id });
    const ask = (who: { id: number; role: Role }, variables: Record<string, unknown> = {}) =>
      graphql(
        t.app,
        CHAIN_TREND,
        { p: String(lpf.id), from: '2026-05-19', to: '2026-05-20', ...variables },
        t.tokenFor(who),
      );
    const days = (required: number, certified: number, compliancePercent: number) =>
      ['2026-05-19', '2026-05-20'].map((day) => ({ day, required, certified, compliancePercent }));

    expect((await ask(hr)).data!.chainComplianceTrend).toEqual(days(3, 1, 33.3));
    expect((await ask(northManager)).data!.chainComplianceTrend).toEqual(days(2, 1, 50));
    expect((await ask(southManager)).data!.chainComplianceTrend).toEqual(days(1, 0, 0));
    expect((await ask(storeManager)).data!.chainComplianceTrend).toEqual(days(1, 0, 0));
    // The chain is the sum of its regions, day by day.
    const regionTrend = async (regionId: number) =>
      (
        await graphql(
          t.app,
          REGION_TREND,
          { r: String(regionId), p: String(lpf.id), from: '2026-05-19', to: '2026-05-20' },
          t.tokenFor(hr),
        )
      ).data!.regionComplianceTrend as { required: number; certified: number }[];
    const [northDays, southDays] = [await regionTrend(north.id), await regionTrend(south.id)];
    expect(northDays.map((d, i) => d.certified + southDays[i].certified)).toEqual([1, 1]);
    expect(northDays.map((d, i) => d.required + southDays[i].required)).toEqual([3, 3]);

    expect(errorCode(await ask(employee))).toBe('FORBIDDEN');
    expect(errorCode(await ask(hr, { p: '4000000000' }))).toBe('NOT_FOUND');
    expect(errorCode(await ask(hr, { from: '2026-05-21' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask(hr, { from: '2025-01-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask(hr, { to: '2026-02-30' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses trends outside the caller’s scope and periods it cannot answer', async () => {
    const { stores, programs } = await chain();
    const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: stores[0].id });
    const employee = await buildEmployee(t.dataSource, { storeId: stores[0].id });
    const ask = (token: string, storeId: number, from: string, to: string) =>
      graphql(t.app, TREND, { s: String(storeId), p: String(programs[0].id), from, to }, token);
    const mine = t.tokenFor(manager);
    expect((await ask(mine, stores[0].id, '2026-05-01', '2026-05-20')).data!.storeComplianceTrend).toEqual([]);
    expect(errorCode(await ask(mine, stores[1].id, '2026-05-01', '2026-05-20'))).toBe('NOT_FOUND');
    expect(errorCode(await ask(t.tokenFor(employee), stores[0].id, '2026-05-01', '2026-05-20'))).toBe('FORBIDDEN');
    expect(errorCode(await ask(mine, stores[0].id, '2025-01-01', '2026-05-20'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask(mine, stores[0].id, '2026-05-20', '2026-05-01'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask(mine, stores[0].id, '2026-02-30', '2026-05-01'))).toBe('BAD_USER_INPUT');
  });

  it('fills every day missed while the worker was down, and a recompute run twice changes nothing', async () => {
    const { stores } = await chain();
    await buildEmployee(t.dataSource, { storeId: stores[0].id, jobRoleCode: 'LP_OFFICER' });
    expect(await snapshots.closeMissingDays()).toEqual(['2026-05-19']);
    t.clock.set(new Date(NOW.getTime() + 4 * DAY));
    expect(await snapshots.closeMissingDays()).toEqual(['2026-05-20', '2026-05-21', '2026-05-22', '2026-05-23']);
    const rows = () => t.dataSource.query('SELECT * FROM store_compliance_snapshots ORDER BY id');
    const before = await rows();
    const today = utcDayOf(t.clock.now());
    await snapshots.recomputeStores([stores[0].id], today);
    await snapshots.recomputeStores([stores[0].id], today);
    expect(await rows()).toEqual(before);
    expect(await snapshots.closeMissingDays()).toEqual([]);
  });
});
