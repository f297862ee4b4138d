import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { AssignmentStatus } from '@lp/assignments';
import { CertificationSource } from '@lp/certification';
import { type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { SnapshotService, utcDayOf } from '@lp/reporting';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildRegion,
  buildStore,
  type BuiltCourse,
  createTestApp,
  graphql,
  type TestApp,
} from '@lp/testing';

/*
 * A small chain that lives through what a real one does — a transfer, a leaver, a rehire,
 * a revocation, renewals, job-role changes into and out of an audience, quiz retakes,
 * certificates ending at midnight in Los Angeles and Tokyo, a store nobody in it is required
 * to be certified — driven through the API where a user would do it. Every expected figure
 * is worked out by hand in the comments beside it.
 *
 * NOW is 11:00 on Tuesday 10 March in Los Angeles (PDT, UTC-7, two days after the clocks
 * went forward) and 03:00 on Wednesday 11 March in Tokyo (UTC+9).
 */
const NOW = new Date('2026-03-10T18:00:00.000Z');
const DAY = 86_400_000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

/** The last second of a day in Los Angeles (PDT) and in Tokyo, as programmes date a fixed expiry. */
const LA_END_OF_10_MARCH = new Date('2026-03-11T06:59:59.000Z');
const LA_END_OF_17_MARCH = new Date('2026-03-18T06:59:59.000Z');
const LA_START_OF_18_MARCH = new Date('2026-03-18T07:00:00.000Z');
const TOKYO_END_OF_18_MARCH = new Date('2026-03-18T14:59:59.000Z');
const TOKYO_START_OF_19_MARCH = new Date('2026-03-18T15:00:00.000Z');

const FIGURES = `headcount required certified expiringSoon expired missing compliancePercent
  completionRatePercent overdueAssignments averageQuizScorePercent
  programs { program { code } required certified expiringSoon expired missing compliancePercent }`;
const STORE_COMPLIANCE = `query ($storeId: ID!) { storeCompliance(storeId: $storeId) { store { code } ${FIGURES} } }`;
const BY_STORE = `query ($programId: ID) { complianceByStore(programId: $programId, first: 10) {
  totalCount edges { node { store { code } ${FIGURES} } } } }`;
const ROLLUPS = `{ regionCompliance { region { code } headcount required certified compliancePercent }
  chainCompliance { headcount required certified compliancePercent } }`;
const CERTIFICATIONS = `query ($filter: CertificationFilterInput) { certifications(filter: $filter, first: 100) {
  totalCount edges { node { status expiresAt employee { employeeNumber } program { code } } } } }`;
const TREND = `query ($s: ID!, $p: ID!, $day: String!) {
  storeComplianceTrend(storeId: $s, programId: $p, from: $day, to: $day) {
    required certified expiringSoon expired missing compliancePercent openAssignments completedAssignments overdueAssignments
  }
}`;

describe('reports through a chain’s everyday events', () => {
  let t: TestApp;
  let stores: Record<'la' | 'lb' | 'tk', StoreEntity>;
  let programs: Record<'LPF' | 'CASH', number>;
  const people: Record<string, EmployeeEntity> = {};
  let course: BuiltCourse;

  const hrCall = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const as = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    graphql(t.app, query, variables, t.tokenFor(people[who]));
  const download = (who: string, path: string) =>
    request(t.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${t.tokenFor(people[who])}`)
      .buffer(true);
  const rowsOf = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

  /** A certification cycle written as an import would: current, not revoked. */
  const certify = (who: string, program: 'LPF' | 'CASH', expiresAt: Date) =>
    t.dataSource.query(
      `INSERT INTO certifications (employee_id, program_id, certificate_number, verification_code, issued_at,
         expires_at, source, current_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        people[who].id,
        programs[program],
        `${program}-${people[who].employeeNumber}`,
        `${people[who].employeeNumber}`.padStart(26, '0'),
        new Date(expiresAt.getTime() - 365 * DAY),
        expiresAt,
        CertificationSource.IMPORT,
        programs[program],
      ],
    );
  /** Submitted attempts at an assignment's quiz, oldest first. */
  const attempts = async (assignmentId: number, scores: number[]) => {
    for (const [i, score] of scores.entries()) {
      const at = days(-10 + i);
      await t.dataSource.query(
        `INSERT INTO quiz_attempts (assignment_id, course_version_id, number, started_at, submitted_at,
           question_count, correct_count, score_percent, passed) VALUES (?, ?, ?, ?, ?, 10, ?, ?, ?)`,
        [assignmentId, course.version.id, i + 1, at, at, score / 10, score, score >= 75],
      );
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    t.clock.set(NOW);
    const ds = t.dataSource;
    const west = await buildRegion(ds, { code: 'WEST' });
    const asia = await buildRegion(ds, { code: 'ASIA' });
    stores = {
      la: await buildStore(ds, { code: 'LA', regionId: west.id, timezone: 'America/Los_Angeles' }),
      lb: await buildStore(ds, { code: 'LB', regionId: west.id, timezone: 'America/Los_Angeles' }),
      tk: await buildStore(ds, { code: 'TK', regionId: asia.id, timezone: 'Asia/Tokyo' }),
    };
    const lpf = await buildProgram(ds, { code: 'LPF', validityMonths: 12, recertifyWindowDays: 30 });
    const cash = await buildProgram(ds, { code: 'CASH', validityMonths: 12, recertifyWindowDays: 30 });
    programs = { LPF: lpf.id, CASH: cash.id };
    const role = async (code: string) =>
      ((await ds.query('SELECT id FROM job_roles WHERE code = ?', [code])) as { id: number }[])[0].id;
    // LPF: LP officers everywhere, supervisors in the west only; CASH: cashiers of Tokyo only.
    await ds.query('INSERT INTO program_audiences (program_id, job_role_id, store_id, region_id) VALUES ?', [
      [
        [lpf.id, await role('LP_OFFICER'), null, null],
        [lpf.id, await role('SUPERVISOR'), null, west.id],
        [cash.id, await role('CASHIER'), stores.tk.id, null],
      ],
    ]);
    course = await buildCourse(ds);

    const hire = async (key: string, store: keyof typeof stores, jobRoleCode: string, role = Role.EMPLOYEE) => {
      people[key] = await buildEmployee(ds, { storeId: stores[store].id, jobRoleCode, role, lastName: key });
    };
    await hire('hr', 'tk', 'STORE_MANAGER', Role.HR);
    await hire('laManager', 'la', 'STORE_MANAGER', Role.STORE_MANAGER);
    await hire('lbManager', 'lb', 'STORE_MANAGER', Role.STORE_MANAGER);
    await hire('mover', 'la', 'LP_OFFICER');
    await hire('leaver', 'la', 'LP_OFFICER');
    await hire('rehire', 'la', 'LP_OFFICER');
    await hire('revoked', 'la', 'SUPERVISOR');
    await hire('renewed', 'la', 'LP_OFFICER');
    await hire('joiner', 'la', 'SALES_ASSOCIATE');
    await hire('dropper', 'la', 'SUPERVISOR');
    await hire('laToday', 'la', 'LP_OFFICER');
    await hire('laEdge', 'la', 'LP_OFFICER');
    await hire('laNext', 'la', 'LP_OFFICER');
    await hire('laNow', 'la', 'LP_OFFICER');
    await hire('lbSales', 'lb', 'SALES_ASSOCIATE');
    await hire('tkCashEdge', 'tk', 'CASHIER');
    await hire('tkCashNext', 'tk', 'CASHIER');
    await hire('tkLpo', 'tk', 'LP_OFFICER');

    await certify('mover', 'LPF', days(200));
    await certify('leaver', 'LPF', days(200));
    await certify('rehire', 'LPF', days(200));
    await certify('dropper', 'LPF', days(-20));
    await certify('laToday', 'LPF', LA_END_OF_10_MARCH);
    await certify('laEdge', 'LPF', LA_END_OF_17_MARCH);
    await certify('laNext', 'LPF', LA_START_OF_18_MARCH);
    await certify('laNow', 'LPF', NOW);
    await certify('tkCashEdge', 'CASH', TOKYO_END_OF_18_MARCH);
    await certify('tkCashNext', 'CASH', TOKYO_START_OF_19_MARCH);

    const assign = (who: string, status: Exclude<AssignmentStatus, AssignmentStatus.OVERDUE>, dueInDays: number) =>
      buildAssignment(ds, { employeeId: people[who].id, courseId: course.course.id, status, dueAt: days(dueInDays) });
    // The mover's overdue work and failed attempts (50, then 70) go with them to Tokyo.
    await attempts((await assign('mover', AssignmentStatus.IN_PROGRESS, -5)).id, [50, 70]);
    // Tokyo's LP officer failed twice (40, 60) and passed at the third attempt (90).
    await attempts((await assign('tkLpo', AssignmentStatus.COMPLETED, -20)).id, [40, 60, 90]);
    // tkCashEdge has work but has not tried the quiz: no score, not a 0.
    await assign('tkCashEdge', AssignmentStatus.ASSIGNED, 10);
    await assign('leaver', AssignmentStatus.ASSIGNED, -5);
    await assign('rehire', AssignmentStatus.ASSIGNED, -5);
    await assign('laEdge', AssignmentStatus.COMPLETED, -30);
    await assign('laToday', AssignmentStatus.ASSIGNED, 10);

    // The events, through the API as HR would make them.
    const transfer = await hrCall(
      'mutation ($id: ID!, $s: ID!) { updateEmployee(id: $id, input: { storeId: $s }) { id } }',
      {
        id: people.mover.id,
        s: stores.tk.id,
      },
    );
    expect(transfer).toBeDefined();
    for (const who of ['leaver', 'rehire']) {
      await hrCall('mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }', { id: people[who].id });
    }
    const rehired = await hrCall(
      'mutation ($csv: String!) { importEmployees(csv: $csv) { updated errors { message } } }',
      {
        csv:
          'employee_number,first_name,last_name,email,job_role,store_code,role,hire_date\n' +
          `${people.rehire.employeeNumber},${people.rehire.firstName},${people.rehire.lastName},${people.rehire.email},LP_OFFICER,LA,,2026-03-09\n`,
      },
    );
    expect(rehired.importEmployees).toEqual({ updated: 1, errors: [] });
    for (const [who, jobRoleCode] of [
      ['joiner', 'SUPERVISOR'],
      ['dropper', 'SALES_ASSOCIATE'],
    ]) {
      await hrCall('mutation ($id: ID!, $j: String!) { updateEmployee(id: $id, input: { jobRoleCode: $j }) { id } }', {
        id: people[who].id,
        j: jobRoleCode,
      });
    }
    const grant = 'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id expiresAt } }';
    const granted = await hrCall(grant, { e: people.revoked.id, p: programs.LPF });
    await hrCall('mutation ($id: ID!) { revokeCertification(id: $id, reason: "Dismissed for theft") { status } }', {
      id: granted.grantCertification.id,
    });
    // Three cycles: a first one that lapsed, a second granted after it lapsed (a new cycle),
    // renewed in its window (30 days before its end): only the renewal is current.
    t.clock.set(days(-800));
    await hrCall(grant, { e: people.renewed.id, p: programs.LPF }); // ends NOW - 435 days
    t.clock.set(days(-400));
    await hrCall(grant, { e: people.renewed.id, p: programs.LPF }); // ends NOW - 35 days
    t.clock.set(days(-50));
    await hrCall(grant, { e: people.renewed.id, p: programs.LPF }); // ends a year after NOW - 35 days
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  /*
   * LA, active: laManager, rehire, revoked, renewed, joiner, dropper, laToday, laEdge, laNext, laNow: 10.
   * LPF required: LP officers rehire, renewed, laToday, laEdge, laNext, laNow; supervisors revoked, joiner: 8
   * (the mover works in Tokyo now, the leaver left, the dropper is a sales associate now).
   * certified: rehire, renewed, laToday (ends tonight), laEdge, laNext: 5, of which expiring within the
   * 30-day window: laToday, laEdge, laNext: 3. expired: laNow (ends exactly now): 1. missing: revoked,
   * joiner: 2. 5 / 8 = 62.5 %.
   * Assignments: leaving cancelled the leaver's and the rehire's; laEdge's completed and laToday's due
   * in 10 days count: 1 / 2 = 50 %, none overdue. No quiz attempts: null.
   */
  const LA = {
    store: { code: 'LA' },
    headcount: 10,
    required: 8,
    certified: 5,
    expiringSoon: 3,
    expired: 1,
    missing: 2,
    compliancePercent: 62.5,
    completionRatePercent: 50,
    overdueAssignments: 0,
    averageQuizScorePercent: null,
    programs: [
      {
        program: { code: 'LPF' },
        required: 8,
        certified: 5,
        expiringSoon: 3,
        expired: 1,
        missing: 2,
        compliancePercent: 62.5,
      },
    ],
  };
  /* LB: two people, nobody required: 100 %, no programme, no assignment, no attempt. */
  const LB = {
    store: { code: 'LB' },
    headcount: 2,
    required: 0,
    certified: 0,
    expiringSoon: 0,
    expired: 0,
    missing: 0,
    compliancePercent: 100,
    completionRatePercent: null,
    overdueAssignments: 0,
    averageQuizScorePercent: null,
    programs: [],
  };
  /*
   * TK, active: hr, mover, tkCashEdge, tkCashNext, tkLpo: 5.
   * CASH: tkCashEdge, tkCashNext, both certified and within the window. LPF (supervisors are required in
   * the west only): mover (certified), tkLpo (missing). 3 / 4 = 75 %.
   * Assignments: the mover's overdue one, tkLpo's completed one, tkCashEdge's due: 1 / 3 = 33.3 %, 1 overdue.
   * Quiz: one score per quiz taken, its best attempt: the mover 70, tkLpo 90 → 80; tkCashEdge, who has not
   * tried, does not count.
   */
  const TK = {
    store: { code: 'TK' },
    headcount: 5,
    required: 4,
    certified: 3,
    expiringSoon: 2,
    expired: 0,
    missing: 1,
    compliancePercent: 75,
    completionRatePercent: 33.3,
    overdueAssignments: 1,
    averageQuizScorePercent: 80,
    programs: [
      {
        program: { code: 'CASH' },
        required: 2,
        certified: 2,
        expiringSoon: 2,
        expired: 0,
        missing: 0,
        compliancePercent: 100,
      },
      {
        program: { code: 'LPF' },
        required: 2,
        certified: 1,
        expiringSoon: 0,
        expired: 0,
        missing: 1,
        compliancePercent: 50,
      },
    ],
  };

  it('gives each store’s figures as a store manager and HR read them', async () => {
    for (const [store, expected] of [
      ['la', LA],
      ['lb', LB],
      ['tk', TK],
    ] as const) {
      expect((await hrCall(STORE_COMPLIANCE, { storeId: stores[store].id })).storeCompliance).toEqual(expected);
    }
    const manager = await as('laManager', STORE_COMPLIANCE, { storeId: stores.la.id });
    expect(manager.data!.storeCompliance).toEqual(LA);
  });

  it('ranks lowest compliance first, the store nobody must certify with the fully compliant', async () => {
    const ranked = await hrCall(BY_STORE);
    expect(ranked.complianceByStore.totalCount).toBe(3);
    expect(ranked.complianceByStore.edges.map((edge: { node: unknown }) => edge.node)).toEqual([LA, TK, LB]);
    // CASH applies to Tokyo's cashiers alone: the west's stores read 100 % with nothing required.
    const cash = await hrCall(BY_STORE, { programId: programs.CASH });
    expect(
      cash.complianceByStore.edges.map(({ node }: { node: typeof LA }) => [
        node.store.code,
        node.required,
        node.compliancePercent,
      ]),
    ).toEqual([
      ['LA', 0, 100],
      ['LB', 0, 100],
      ['TK', 2, 100],
    ]);
  });

  it('rolls up regions and the chain from the summed counts', async () => {
    // WEST = LA + LB: 12 people, 5 of 8 → 62.5 %; ASIA = TK: 5, 3 of 4 → 75 %; chain 17, 8 of 12 → 66.7 %.
    expect(await hrCall(ROLLUPS)).toEqual({
      regionCompliance: [
        { region: { code: 'ASIA' }, headcount: 5, required: 4, certified: 3, compliancePercent: 75 },
        { region: { code: 'WEST' }, headcount: 12, required: 8, certified: 5, compliancePercent: 62.5 },
      ],
      chainCompliance: { headcount: 17, required: 12, certified: 8, compliancePercent: 66.7 },
    });
  });

  describe('CSV', () => {
    const asCsv = (figures: typeof LA | typeof LB | typeof TK) => ({
      storeCode: figures.store.code,
      headcount: String(figures.headcount),
      required: String(figures.required),
      certified: String(figures.certified),
      expiringSoon: String(figures.expiringSoon),
      expired: String(figures.expired),
      missing: String(figures.missing),
      compliancePercent: figures.compliancePercent,
      completionRatePercent: figures.completionRatePercent,
      overdueAssignments: String(figures.overdueAssignments),
      averageQuizScorePercent: figures.averageQuizScorePercent,
    });
    const numbersOf = (row: Record<string, string>) => ({
      ...row,
      compliancePercent: Number(row.compliancePercent),
      completionRatePercent: row.completionRatePercent === '' ? null : Number(row.completionRatePercent),
      averageQuizScorePercent: row.averageQuizScorePercent === '' ? null : Number(row.averageQuizScorePercent),
    });

    it('holds the GraphQL figures, and a store manager’s only their store', async () => {
      const all = rowsOf((await download('hr', '/reports/store-compliance.csv')).text).map(numbersOf);
      expect(all).toEqual([LA, TK, LB].map((figures) => expect.objectContaining(asCsv(figures))));
      const mine = rowsOf((await download('laManager', '/reports/store-compliance.csv')).text).map(numbersOf);
      expect(mine).toEqual([expect.objectContaining(asCsv(LA))]);
      const certificates = rowsOf((await download('laManager', '/reports/certifications.csv')).text);
      expect(new Set(certificates.map((row) => row.storeCode))).toEqual(new Set(['LA']));
    });
  });

  describe('certification search', () => {
    type Found = { certifications: { edges: { node: { employee: { employeeNumber: string } } }[] } };
    const numbers = (data: Record<string, unknown>) =>
      (data as Found).certifications.edges.map((edge) => edge.node.employee.employeeNumber).sort();
    const of = (...keys: string[]) => keys.map((key) => people[key].employeeNumber).sort();

    it('lists only each holder’s current cycle, revoked as REVOKED', async () => {
      const renewed = await hrCall(CERTIFICATIONS, { filter: { employeeId: people.renewed.id } });
      expect(renewed.certifications.totalCount).toBe(1);
      expect(renewed.certifications.edges[0].node.status).toBe('ACTIVE');
      const history = await hrCall(CERTIFICATIONS, { filter: { employeeId: people.renewed.id, includeHistory: true } });
      expect(history.certifications.totalCount).toBe(3);
      const revoked = await hrCall(CERTIFICATIONS, { filter: { employeeId: people.revoked.id } });
      expect(revoked.certifications.edges.map((edge: { node: { status: string } }) => edge.node.status)).toEqual([
        'REVOKED',
      ]);
    });

    it('counts "expiring within N days" in calendar days of the holder’s store, today included', async () => {
      // In LA it is 10 March: 7 days run to the end of 17 March there. In Tokyo it is already
      // 11 March: to the end of 18 March there. laNow's ended at NOW: expired, not expiring.
      const seven = await hrCall(CERTIFICATIONS, { filter: { expiringWithinDays: 7 } });
      expect(numbers(seven)).toEqual(of('laToday', 'laEdge', 'tkCashEdge'));
      // 0: those ending later today, where their holder works.
      const today = await hrCall(CERTIFICATIONS, { filter: { expiringWithinDays: 0 } });
      expect(numbers(today)).toEqual(of('laToday'));
      const csv = rowsOf((await download('hr', '/reports/certifications.csv?expiringWithinDays=7')).text);
      expect(csv.map((row) => row.employeeNumber).sort()).toEqual(of('laToday', 'laEdge', 'tkCashEdge'));
    });
  });

  it('writes today’s snapshot with the live figures of both stores of a transfer', async () => {
    await t.app.get(SnapshotService).recomputeStores([stores.la.id, stores.tk.id], utcDayOf(NOW));
    const trend = async (store: 'la' | 'tk', program: 'LPF' | 'CASH') =>
      (await hrCall(TREND, { s: stores[store].id, p: programs[program], day: utcDayOf(NOW) })).storeComplianceTrend;
    const live = (figures: typeof LA | typeof TK, code: string) => {
      const { program: _program, ...rest } = figures.programs.find((p) => p.program.code === code)!;
      return rest;
    };
    // Open: LA laToday's; TK the mover's and tkCashEdge's. Completed: LA laEdge's; TK tkLpo's.
    expect(await trend('la', 'LPF')).toEqual([
      { ...live(LA, 'LPF'), openAssignments: 1, completedAssignments: 1, overdueAssignments: 0 },
    ]);
    expect(await trend('tk', 'LPF')).toEqual([
      { ...live(TK, 'LPF'), openAssignments: 2, completedAssignments: 1, overdueAssignments: 1 },
    ]);
    expect(await trend('tk', 'CASH')).toEqual([
      { ...live(TK, 'CASH'), openAssignments: 2, completedAssignments: 1, overdueAssignments: 1 },
    ]);
  });
});
