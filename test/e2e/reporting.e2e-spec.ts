import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { AssignmentStatus } from '@lp/assignments';
import { CertificationSource } from '@lp/certification';
import { EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildRegion,
  buildStore,
  type BuiltCourse,
  createTestApp,
  errorCode,
  graphql,
  type TestApp,
} from '@lp/testing';

/*
 * A small chain defined as data; every expected figure below is computed from this
 * definition by the test's own rules, never read back from the reporting code.
 */
const NOW = new Date('2026-03-01T10:00:00.000Z');
const DAY = 86_400_000;
const WINDOW_DAYS = 60;

type StoreKey = 'n1' | 'n2' | 's1';
type ProgramKey = 'LPF' | 'CASH';
type CertState = 'ACTIVE' | 'EXPIRING' | 'EXPIRED' | 'REVOKED';
type Work = 'DUE' | 'OVERDUE' | 'IN_PROGRESS' | 'IN_PROGRESS_OVERDUE' | 'COMPLETED' | 'CANCELLED';

interface PersonSpec {
  key: string;
  store: StoreKey;
  jobRole: string;
  role?: Role;
  active?: boolean;
  firstName?: string;
  lastName?: string;
  certs?: Partial<Record<ProgramKey, CertState>>;
  /** An older, superseded cycle that must never count. */
  supersededCycle?: ProgramKey;
  work?: Work[];
  /** Submitted attempts: score and days before NOW; `null` score = started, never submitted. */
  quizzes?: { score: number | null; daysAgo: number }[];
}

const REGION_OF: Record<StoreKey, 'north' | 'south'> = { n1: 'north', n2: 'north', s1: 'south' };

/** Audience rules: job role, optionally limited to a region or a store. */
const RULES: { program: ProgramKey; jobRole: string; region?: 'north' | 'south'; store?: StoreKey }[] = [
  { program: 'LPF', jobRole: 'LP_OFFICER' },
  { program: 'LPF', jobRole: 'SUPERVISOR' },
  { program: 'CASH', jobRole: 'CASHIER', region: 'north' },
  { program: 'CASH', jobRole: 'SALES_ASSOCIATE', store: 's1' },
];

const INJECTION = '=HYPERLINK("http://evil.test","x")';

const PEOPLE: PersonSpec[] = [
  { key: 'n1Manager', store: 'n1', jobRole: 'STORE_MANAGER', role: Role.STORE_MANAGER, work: ['COMPLETED'] },
  {
    key: 'lpo1',
    store: 'n1',
    jobRole: 'LP_OFFICER',
    certs: { LPF: 'ACTIVE' },
    work: ['COMPLETED', 'OVERDUE'],
    quizzes: [
      { score: 80, daysAgo: 10 },
      { score: 60, daysAgo: 100 },
    ],
  },
  {
    key: 'lpo2',
    store: 'n1',
    jobRole: 'LP_OFFICER',
    certs: { LPF: 'EXPIRING' },
    work: ['DUE'],
    quizzes: [{ score: 90, daysAgo: 5 }],
  },
  {
    key: 'sup1',
    store: 'n1',
    jobRole: 'SUPERVISOR',
    certs: { LPF: 'REVOKED' },
    work: ['CANCELLED', 'IN_PROGRESS_OVERDUE'],
  },
  {
    key: 'cash1',
    store: 'n1',
    jobRole: 'CASHIER',
    firstName: INJECTION,
    certs: { CASH: 'EXPIRED' },
    work: ['COMPLETED'],
    quizzes: [
      { score: 70, daysAgo: 30 },
      { score: null, daysAgo: 1 },
    ],
  },
  { key: 'cash2', store: 'n1', jobRole: 'CASHIER', lastName: '@SUM(A1)', work: ['DUE'] },
  { key: 'sales1', store: 'n1', jobRole: 'SALES_ASSOCIATE', certs: { LPF: 'ACTIVE' } },
  {
    key: 'gone',
    store: 'n1',
    jobRole: 'LP_OFFICER',
    active: false,
    certs: { LPF: 'EXPIRED' },
    work: ['OVERDUE'],
    quizzes: [{ score: 10, daysAgo: 1 }],
  },
  { key: 'regional', store: 'n2', jobRole: 'STORE_MANAGER', role: Role.REGIONAL_MANAGER },
  {
    key: 'lpo3',
    store: 'n2',
    jobRole: 'LP_OFFICER',
    certs: { LPF: 'ACTIVE' },
    supersededCycle: 'LPF',
    work: ['COMPLETED', 'COMPLETED'],
  },
  { key: 'cash3', store: 'n2', jobRole: 'CASHIER', certs: { CASH: 'ACTIVE' }, work: ['DUE'] },
  { key: 'hr', store: 's1', jobRole: 'SUPERVISOR', role: Role.HR, certs: { LPF: 'EXPIRED' } },
  { key: 's1Manager', store: 's1', jobRole: 'STORE_MANAGER', role: Role.STORE_MANAGER },
  { key: 'cash4', store: 's1', jobRole: 'CASHIER', certs: { CASH: 'ACTIVE' } },
  {
    key: 'sales2',
    store: 's1',
    jobRole: 'SALES_ASSOCIATE',
    certs: { CASH: 'EXPIRING' },
    work: ['IN_PROGRESS'],
    quizzes: [{ score: 55, daysAgo: 2 }],
  },
  { key: 'sales3', store: 's1', jobRole: 'SALES_ASSOCIATE' },
  // Named to sort before sales3, one of them by first name, so the missing list's order shows.
  { key: 'sales4', store: 's1', jobRole: 'SALES_ASSOCIATE', lastName: 'Adams', certs: { CASH: 'REVOKED' } },
  { key: 'sales5', store: 's1', jobRole: 'SALES_ASSOCIATE', lastName: 'Adams', firstName: 'Abe' },
  // A leaver who would be missing CASH, with open work left behind: in no list of who is missing or what is open.
  { key: 'goneSales', store: 's1', jobRole: 'SALES_ASSOCIATE', active: false, work: ['OVERDUE'] },
];

// ---- the expected figures, from the definition above ----

const round1 = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number, whenEmpty: number | null) =>
  whole === 0 ? whenEmpty : round1((100 * part) / whole);
const isActive = (person: PersonSpec) => person.active !== false;
const inAudience = (person: PersonSpec, program: ProgramKey) =>
  isActive(person) &&
  RULES.some(
    (rule) =>
      rule.program === program &&
      rule.jobRole === person.jobRole &&
      (!rule.region || rule.region === REGION_OF[person.store]) &&
      (!rule.store || rule.store === person.store),
  );

function expectedProgram(store: StoreKey, program: ProgramKey) {
  const members = PEOPLE.filter((p) => p.store === store && inAudience(p, program));
  const state = (p: PersonSpec) => p.certs?.[program];
  const certified = members.filter((p) => state(p) === 'ACTIVE' || state(p) === 'EXPIRING').length;
  return {
    program: { code: program },
    required: members.length,
    certified,
    expiringSoon: members.filter((p) => state(p) === 'EXPIRING').length,
    expired: members.filter((p) => state(p) === 'EXPIRED').length,
    missing: members.filter((p) => state(p) === undefined || state(p) === 'REVOKED').length,
    compliancePercent: percent(certified, members.length, 100),
  };
}

/** The keys of the people counted in `missing`, without their order. */
function expectedMissing(store: StoreKey, program: ProgramKey): string[] {
  return PEOPLE.filter(
    (p) => p.store === store && inAudience(p, program) && (!p.certs?.[program] || p.certs[program] === 'REVOKED'),
  ).map((p) => p.key);
}

function expectedStore(store: StoreKey, only?: ProgramKey) {
  const people = PEOPLE.filter((p) => p.store === store && isActive(p));
  const programs = (['CASH', 'LPF'] as ProgramKey[])
    .filter((program) => !only || program === only)
    .map((program) => expectedProgram(store, program))
    .filter((figures) => figures.required > 0);
  const work = people.flatMap((p) => p.work ?? []);
  const counted = work.filter((w) => w !== 'CANCELLED').length;
  // A person's attempts are all at their first assignment: one score each, their best in the window.
  const scores = people.flatMap((p) => {
    const inWindow = (p.quizzes ?? []).filter((q) => q.score !== null && q.daysAgo < 90).map((q) => q.score!);
    return inWindow.length ? [Math.max(...inWindow)] : [];
  });
  const sum = (field: 'required' | 'certified' | 'expiringSoon' | 'expired' | 'missing') =>
    programs.reduce((total, figures) => total + figures[field], 0);
  return {
    headcount: people.length,
    required: sum('required'),
    certified: sum('certified'),
    expiringSoon: sum('expiringSoon'),
    expired: sum('expired'),
    missing: sum('missing'),
    compliancePercent: percent(sum('certified'), sum('required'), 100),
    completionRatePercent: percent(work.filter((w) => w === 'COMPLETED').length, counted, null),
    overdueAssignments: work.filter((w) => w === 'OVERDUE' || w === 'IN_PROGRESS_OVERDUE').length,
    averageQuizScorePercent: scores.length
      ? round1(scores.reduce((total, score) => total + score, 0) / scores.length)
      : null,
    programs,
  };
}

function expectedTotals(stores: StoreKey[]) {
  const figures = stores.map((store) => expectedStore(store));
  const sum = (key: 'headcount' | 'required' | 'certified' | 'expiringSoon' | 'expired' | 'missing') =>
    figures.reduce((total, f) => total + f[key], 0);
  return {
    headcount: sum('headcount'),
    required: sum('required'),
    certified: sum('certified'),
    expiringSoon: sum('expiringSoon'),
    expired: sum('expired'),
    missing: sum('missing'),
    compliancePercent: percent(sum('certified'), sum('required'), 100),
  };
}

/** Stores lowest compliance first, ties by store id — as complianceByStore promises. */
function expectedRanking(stores: StoreKey[], ids: Record<StoreKey, number>, only?: ProgramKey) {
  return [...stores].sort(
    (a, b) => expectedStore(a, only).compliancePercent! - expectedStore(b, only).compliancePercent! || ids[a] - ids[b],
  );
}

// ---- queries ----

const FIGURES = `headcount required certified expiringSoon expired missing compliancePercent
  completionRatePercent overdueAssignments averageQuizScorePercent
  programs { program { code } required certified expiringSoon expired missing compliancePercent }`;
const STORE_COMPLIANCE = `query ($storeId: ID!) { storeCompliance(storeId: $storeId) { store { id code } ${FIGURES} } }`;
const BY_STORE = `query ($regionId: ID, $programId: ID, $first: Int, $after: String) {
  complianceByStore(regionId: $regionId, programId: $programId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { store { id code } ${FIGURES} } }
  }
}`;
const TOTALS = 'headcount required certified expiringSoon expired missing compliancePercent';
const REGIONS = `{ regionCompliance { region { code } ${TOTALS} } chainCompliance { ${TOTALS} } }`;

describe('reports: store, regional and chain compliance, CSV exports', () => {
  let t: TestApp;
  let stores: Record<StoreKey, StoreEntity>;
  let storeIds: Record<StoreKey, number>;
  let people: Record<string, EmployeeEntity>;
  let programIds: Record<ProgramKey, number>;
  let regionIds: Record<'north' | 'south', number>;
  let courses: BuiltCourse[];

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    t.clock.set(NOW);
    const ds = t.dataSource;
    const north = await buildRegion(ds, { code: 'NORTH', name: 'North' });
    const south = await buildRegion(ds, { code: 'SOUTH', name: 'South' });
    regionIds = { north: north.id, south: south.id };
    stores = {
      n1: await buildStore(ds, { code: 'N1', regionId: north.id }),
      n2: await buildStore(ds, { code: 'N2', regionId: north.id }),
      // Fourteen hours ahead of UTC: a due date's day there is not its UTC day.
      s1: await buildStore(ds, { code: 'S1', regionId: south.id, timezone: 'Pacific/Kiritimati' }),
    };
    storeIds = { n1: stores.n1.id, n2: stores.n2.id, s1: stores.s1.id };
    const programs = {
      LPF: await buildProgram(ds, { code: 'LPF', recertifyWindowDays: WINDOW_DAYS }),
      CASH: await buildProgram(ds, { code: 'CASH', recertifyWindowDays: WINDOW_DAYS }),
    };
    programIds = { LPF: programs.LPF.id, CASH: programs.CASH.id };
    const jobRoles = new Map<string, number>(
      ((await ds.query('SELECT id, code FROM job_roles')) as { id: number; code: string }[]).map((r) => [r.code, r.id]),
    );
    await ds.query('INSERT INTO program_audiences (program_id, job_role_id, store_id, region_id) VALUES ?', [
      RULES.map((rule) => [
        programIds[rule.program],
        jobRoles.get(rule.jobRole),
        rule.store ? storeIds[rule.store] : null,
        rule.region ? regionIds[rule.region] : null,
      ]),
    ]);
    courses = [];
    for (let i = 0; i < 3; i++) courses.push(await buildCourse(ds));

    people = {};
    let certificate = 0;
    const certify = (employeeId: number, program: ProgramKey, state: CertState | 'SUPERSEDED') => {
      certificate += 1;
      const expiresAt = {
        ACTIVE: NOW.getTime() + 200 * DAY,
        EXPIRING: NOW.getTime() + 30 * DAY,
        EXPIRED: NOW.getTime() - 10 * DAY,
        REVOKED: NOW.getTime() + 200 * DAY,
        SUPERSEDED: NOW.getTime() - 100 * DAY,
      }[state];
      return ds.query(
        `INSERT INTO certifications (employee_id, program_id, certificate_number, verification_code, issued_at,
           expires_at, source, current_key, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          employeeId,
          programIds[program],
          `${program}-2026-${String(certificate).padStart(6, '0')}`,
          String(certificate).padStart(26, '0'),
          new Date(expiresAt - 365 * DAY),
          new Date(expiresAt),
          CertificationSource.MANUAL_GRANT,
          state === 'SUPERSEDED' ? null : programIds[program],
          state === 'REVOKED' ? new Date(NOW.getTime() - DAY) : null,
        ],
      );
    };
    for (const spec of PEOPLE) {
      const person = await buildEmployee(ds, {
        storeId: stores[spec.store].id,
        jobRoleCode: spec.jobRole,
        role: spec.role ?? Role.EMPLOYEE,
        active: spec.active ?? true,
        ...(spec.firstName ? { firstName: spec.firstName } : {}),
        ...(spec.lastName ? { lastName: spec.lastName } : {}),
        ...(spec.role === Role.REGIONAL_MANAGER ? { managedRegionId: north.id } : {}),
      });
      people[spec.key] = person;
      for (const [program, state] of Object.entries(spec.certs ?? {})) {
        await certify(person.id, program as ProgramKey, state);
      }
      if (spec.supersededCycle) await certify(person.id, spec.supersededCycle, 'SUPERSEDED');
      const assignmentIds: number[] = [];
      for (const [i, work] of (spec.work ?? []).entries()) {
        const overdue = work === 'OVERDUE' || work === 'IN_PROGRESS_OVERDUE';
        const status = {
          DUE: AssignmentStatus.ASSIGNED,
          OVERDUE: AssignmentStatus.ASSIGNED,
          IN_PROGRESS: AssignmentStatus.IN_PROGRESS,
          IN_PROGRESS_OVERDUE: AssignmentStatus.IN_PROGRESS,
          COMPLETED: AssignmentStatus.COMPLETED,
          CANCELLED: AssignmentStatus.CANCELLED,
        }[work] as Exclude<AssignmentStatus, AssignmentStatus.OVERDUE>;
        const assignment = await buildAssignment(
          ds,
          {
            employeeId: person.id,
            courseId: courses[i].course.id,
            status,
            dueAt: new Date(NOW.getTime() + (overdue ? -5 : 10) * DAY),
          },
          NOW,
        );
        assignmentIds.push(assignment.id);
      }
      for (const [i, quiz] of (spec.quizzes ?? []).entries()) {
        const at = new Date(NOW.getTime() - quiz.daysAgo * DAY);
        await ds.query(
          `INSERT INTO quiz_attempts (assignment_id, course_version_id, number, started_at, submitted_at,
             question_count, correct_count, score_percent, passed) VALUES (?, ?, ?, ?, ?, 4, ?, ?, ?)`,
          [
            assignmentIds[0],
            courses[0].version.id,
            i + 1,
            at,
            quiz.score === null ? null : at,
            quiz.score === null ? null : 0,
            quiz.score,
            quiz.score === null ? null : quiz.score >= 75,
          ],
        );
      }
    }
  });
  afterAll(() => t.close());

  const ask = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    graphql(t.app, query, variables, t.tokenFor(people[who]));
  const storeReport = (store: StoreKey, only?: ProgramKey) => ({
    store: { id: String(storeIds[store]), code: stores[store].code },
    ...expectedStore(store, only),
  });

  describe('storeCompliance', () => {
    it('gives HR every store’s figures, each computed from the fixture', async () => {
      for (const store of ['n1', 'n2', 's1'] as StoreKey[]) {
        const response = await ask('hr', STORE_COMPLIANCE, { storeId: storeIds[store] });
        expect(response.errors).toBeUndefined();
        expect(response.data!.storeCompliance).toEqual(storeReport(store));
      }
      // A guard against a vacuous fixture: n1 has every kind of figure.
      expect(expectedStore('n1')).toMatchObject({ compliancePercent: 40, overdueAssignments: 2 });
    });

    it('gives managers their own stores and answers NOT_FOUND for any other store', async () => {
      expect((await ask('n1Manager', STORE_COMPLIANCE, { storeId: storeIds.n1 })).data!.storeCompliance).toEqual(
        storeReport('n1'),
      );
      expect((await ask('regional', STORE_COMPLIANCE, { storeId: storeIds.n2 })).data!.storeCompliance).toEqual(
        storeReport('n2'),
      );
      expect(errorCode(await ask('n1Manager', STORE_COMPLIANCE, { storeId: storeIds.n2 }))).toBe('NOT_FOUND');
      expect(errorCode(await ask('regional', STORE_COMPLIANCE, { storeId: storeIds.s1 }))).toBe('NOT_FOUND');
    });

    it('refuses employees, unknown stores and malformed ids', async () => {
      expect(errorCode(await ask('sales3', STORE_COMPLIANCE, { storeId: storeIds.s1 }))).toBe('FORBIDDEN');
      expect(errorCode(await ask('hr', STORE_COMPLIANCE, { storeId: '999999' }))).toBe('NOT_FOUND');
      expect(errorCode(await ask('hr', STORE_COMPLIANCE, { storeId: 'abc' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await graphql(t.app, STORE_COMPLIANCE, { storeId: storeIds.n1 }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('missingEmployees', () => {
    const MISSING = `query ($storeId: ID!, $first: Int, $after: String) { storeCompliance(storeId: $storeId) {
      programs { program { code } missing missingEmployees(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id lastName jobRole { code } } }
      } }
    } }`;
    type MissingPage = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { id: string; lastName: string; jobRole: { code: string } } }[];
    };
    type ProgramRow = { program: { code: ProgramKey }; missing: number; missingEmployees: MissingPage };
    /** Expected ids in the promised order: last name, first name, id. */
    const inOrder = (keys: string[]) =>
      keys
        .map((key) => people[key])
        .sort((a, b) =>
          a.lastName !== b.lastName
            ? a.lastName < b.lastName
              ? -1
              : 1
            : a.firstName !== b.firstName
              ? a.firstName < b.firstName
                ? -1
                : 1
              : a.id - b.id,
        )
        .map((person) => String(person.id));
    const ids = (page: MissingPage) => page.edges.map((edge) => edge.node.id);

    it('lists exactly the people counted in missing, for every store and programme', async () => {
      // A guard against a vacuous fixture: certified, expiring, expired, revoked and never-certified people.
      expect(expectedMissing('s1', 'CASH')).toEqual(['sales3', 'sales4', 'sales5']);
      expect(expectedMissing('n1', 'LPF')).toEqual(['sup1']);
      for (const store of ['n1', 'n2', 's1'] as StoreKey[]) {
        const response = await ask('hr', MISSING, { storeId: storeIds[store], first: 10 });
        expect(response.errors).toBeUndefined();
        for (const row of response.data!.storeCompliance.programs as ProgramRow[]) {
          expect(ids(row.missingEmployees)).toEqual(inOrder(expectedMissing(store, row.program.code)));
          expect(row.missingEmployees.totalCount).toBe(row.missing);
          expect(row.missingEmployees.pageInfo.hasNextPage).toBe(false);
        }
      }
    });

    it('pages in name order without skipping or repeating anyone', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const response = await ask('s1Manager', MISSING, { storeId: storeIds.s1, first: 2, after });
        expect(response.errors).toBeUndefined();
        const cash = (response.data!.storeCompliance.programs as ProgramRow[]).find(
          (row) => row.program.code === 'CASH',
        )!;
        expect(cash.missingEmployees.totalCount).toBe(3);
        expect(cash.missingEmployees.edges.length).toBeLessThanOrEqual(2);
        seen.push(...ids(cash.missingEmployees));
        if (!cash.missingEmployees.pageInfo.hasNextPage) break;
        after = cash.missingEmployees.pageInfo.endCursor!;
      }
      expect(seen).toEqual(inOrder(['sales3', 'sales4', 'sales5']));
      expect(seen[0]).toBe(String(people.sales5.id));
    });

    it('lists them for every store of a complianceByStore page, within the caller’s scope', async () => {
      const query = `{ complianceByStore(first: 10) { edges { node { store { id }
        programs { program { code } missing missingEmployees(first: 10) { totalCount edges { node { id } } } } } } } }`;
      for (const [who, visible] of [
        ['hr', ['n1', 'n2', 's1']],
        ['n1Manager', ['n1']],
      ] as [string, StoreKey[]][]) {
        const response = await ask(who, query);
        expect(response.errors).toBeUndefined();
        const nodes = response.data!.complianceByStore.edges.map(
          (edge: { node: { store: { id: string }; programs: ProgramRow[] } }) => edge.node,
        );
        expect(nodes.map((node: { store: { id: string } }) => node.store.id).sort()).toEqual(
          visible.map((store) => String(storeIds[store])).sort(),
        );
        for (const node of nodes) {
          const store = visible.find((key) => String(storeIds[key]) === node.store.id)!;
          for (const row of node.programs as ProgramRow[]) {
            expect(ids(row.missingEmployees)).toEqual(inOrder(expectedMissing(store, row.program.code)));
          }
        }
      }
    });

    it('is refused to employees and to managers of another store', async () => {
      expect(errorCode(await ask('sales3', MISSING, { storeId: storeIds.s1 }))).toBe('FORBIDDEN');
      const other = await ask('n1Manager', MISSING, { storeId: storeIds.s1 });
      expect(errorCode(other)).toBe('NOT_FOUND');
      expect(other.data).toBeNull();
      expect(errorCode(await ask('s1Manager', MISSING, { storeId: storeIds.s1, after: 'bm90LWEtY3Vyc29y' }))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('complianceByStore', () => {
    const nodes = (response: Awaited<ReturnType<typeof ask>>) =>
      response.data!.complianceByStore.edges.map((edge: { node: unknown }) => edge.node);

    it('ranks the stores in scope lowest compliance first, for each scope', async () => {
      const cases: [string, StoreKey[]][] = [
        ['hr', ['n1', 'n2', 's1']],
        ['regional', ['n1', 'n2']],
        ['n1Manager', ['n1']],
        ['s1Manager', ['s1']],
      ];
      for (const [who, visible] of cases) {
        const response = await ask(who, BY_STORE, { first: 10 });
        expect(response.errors).toBeUndefined();
        expect(response.data!.complianceByStore.totalCount).toBe(visible.length);
        expect(nodes(response)).toEqual(expectedRanking(visible, storeIds).map((store) => storeReport(store)));
      }
    });

    it('pages one store at a time without skipping or repeating one', async () => {
      const seen: unknown[] = [];
      let after: string | undefined;
      for (;;) {
        const page = (await ask('hr', BY_STORE, { first: 1, after })).data!.complianceByStore;
        seen.push(...page.edges.map((edge: { node: unknown }) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expectedRanking(['n1', 'n2', 's1'], storeIds).map((store) => storeReport(store)));
    });

    it('narrows to a region and to one programme', async () => {
      const north = await ask('hr', BY_STORE, { regionId: regionIds.north });
      expect(nodes(north)).toEqual(expectedRanking(['n1', 'n2'], storeIds).map((store) => storeReport(store)));
      const cash = await ask('hr', BY_STORE, { programId: programIds.CASH });
      expect(nodes(cash)).toEqual(
        expectedRanking(['n1', 'n2', 's1'], storeIds, 'CASH').map((store) => storeReport(store, 'CASH')),
      );
    });

    it('answers bad input with clear codes', async () => {
      expect(errorCode(await ask('hr', BY_STORE, { regionId: '999999' }))).toBe('NOT_FOUND');
      expect(errorCode(await ask('hr', BY_STORE, { programId: '999999' }))).toBe('NOT_FOUND');
      expect(errorCode(await ask('regional', BY_STORE, { regionId: regionIds.south }))).toBe('NOT_FOUND');
      expect(errorCode(await ask('hr', BY_STORE, { first: 101 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await ask('hr', BY_STORE, { first: 0 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await ask('hr', BY_STORE, { after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await ask('sales3', BY_STORE))).toBe('FORBIDDEN');
    });
  });

  describe('regionCompliance and chainCompliance', () => {
    it('rolls up only the stores in the caller’s scope', async () => {
      const cases: [string, { region: string; stores: StoreKey[] }[], StoreKey[]][] = [
        [
          'hr',
          [
            { region: 'NORTH', stores: ['n1', 'n2'] },
            { region: 'SOUTH', stores: ['s1'] },
          ],
          ['n1', 'n2', 's1'],
        ],
        ['regional', [{ region: 'NORTH', stores: ['n1', 'n2'] }], ['n1', 'n2']],
        ['n1Manager', [{ region: 'NORTH', stores: ['n1'] }], ['n1']],
      ];
      for (const [who, regions, all] of cases) {
        const response = await ask(who, REGIONS);
        expect(response.errors).toBeUndefined();
        expect(response.data!.regionCompliance).toEqual(
          regions.map(({ region, stores: inRegion }) => ({ region: { code: region }, ...expectedTotals(inRegion) })),
        );
        expect(response.data!.chainCompliance).toEqual(expectedTotals(all));
      }
      expect(errorCode(await ask('sales3', REGIONS))).toBe('FORBIDDEN');
    });

    it('answers no region and an empty total, 100 % compliant, for a manager of no store', async () => {
      const employees = t.dataSource.getRepository(EmployeeEntity);
      const unassigned = await buildEmployee(t.dataSource, { storeId: stores.n1.id });
      await employees.update(unassigned.id, { role: Role.STORE_MANAGER });
      try {
        const response = await graphql(t.app, REGIONS, {}, t.tokenFor(unassigned));
        expect(response.errors).toBeUndefined();
        expect(response.data).toEqual({
          regionCompliance: [],
          chainCompliance: {
            headcount: 0,
            required: 0,
            certified: 0,
            expiringSoon: 0,
            expired: 0,
            missing: 0,
            compliancePercent: 100,
          },
        });
      } finally {
        await employees.delete(unassigned.id);
      }
    });
  });

  describe('certifications filter bounds', () => {
    it.each([-1, 731, 100000])('refuses expiringWithinDays %i', async (days) => {
      const response = await ask(
        'hr',
        'query ($days: Int) { certifications(filter: { expiringWithinDays: $days }) { totalCount } }',
        { days },
      );
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    });
  });

  describe('CSV exports', () => {
    const download = (path: string, who?: string) => {
      const call = request(t.app.getHttpServer()).get(path).buffer(true);
      if (who) call.set('authorization', `Bearer ${t.tokenFor(people[who])}`);
      return call;
    };
    const rowsOf = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
    const cell = (value: number | null) => (value === null ? '' : String(value));

    it('streams store compliance for each scope, with the same figures as GraphQL', async () => {
      const cases: [string, StoreKey[], string][] = [
        ['hr', ['n1', 'n2', 's1'], ''],
        ['regional', ['n1', 'n2'], ''],
        ['n1Manager', ['n1'], ''],
        ['hr', ['n1', 'n2'], `?regionId=${regionIds.north}`],
      ];
      for (const [who, visible, query] of cases) {
        const response = await download(`/reports/store-compliance.csv${query}`, who);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(response.headers['content-disposition']).toBe('attachment; filename="store-compliance.csv"');
        expect(response.headers['cache-control']).toBe('private, no-store');
        expect(response.text.split('\r\n')[0]).toBe(
          'storeCode,storeName,regionCode,headcount,required,certified,expiringSoon,expired,missing,' +
            'compliancePercent,completionRatePercent,overdueAssignments,averageQuizScorePercent',
        );
        const rows = rowsOf(response.text);
        expect(
          rows.map((row) => [
            row.storeCode,
            row.regionCode,
            Number(row.headcount),
            Number(row.required),
            Number(row.certified),
            Number(row.expiringSoon),
            Number(row.expired),
            Number(row.missing),
            Number(row.compliancePercent),
            row.completionRatePercent === '' ? '' : String(Number(row.completionRatePercent)),
            Number(row.overdueAssignments),
            row.averageQuizScorePercent === '' ? '' : String(Number(row.averageQuizScorePercent)),
          ]),
        ).toEqual(
          expectedRanking(visible, storeIds).map((store) => {
            const figures = expectedStore(store);
            return [
              stores[store].code,
              REGION_OF[store].toUpperCase(),
              figures.headcount,
              figures.required,
              figures.certified,
              figures.expiringSoon,
              figures.expired,
              figures.missing,
              figures.compliancePercent,
              cell(figures.completionRatePercent),
              figures.overdueAssignments,
              cell(figures.averageQuizScorePercent),
            ];
          }),
        );
      }
    });

    it('streams the regions’ rollup of each scope, with the figures of regionCompliance', async () => {
      const cases: [string, { region: 'north' | 'south'; stores: StoreKey[] }[]][] = [
        [
          'hr',
          [
            { region: 'north', stores: ['n1', 'n2'] },
            { region: 'south', stores: ['s1'] },
          ],
        ],
        ['regional', [{ region: 'north', stores: ['n1', 'n2'] }]],
        ['n1Manager', [{ region: 'north', stores: ['n1'] }]],
      ];
      for (const [who, regions] of cases) {
        const response = await download('/reports/region-compliance.csv', who);
        expect(response.status).toBe(200);
        expect(response.headers['content-disposition']).toBe('attachment; filename="region-compliance.csv"');
        expect(response.text.split('\r\n')[0]).toBe(
          'regionCode,regionName,headcount,required,certified,expiringSoon,expired,missing,compliancePercent',
        );
        expect(
          rowsOf(response.text).map((row) => ({
            regionCode: row.regionCode,
            headcount: Number(row.headcount),
            required: Number(row.required),
            certified: Number(row.certified),
            expiringSoon: Number(row.expiringSoon),
            expired: Number(row.expired),
            missing: Number(row.missing),
            compliancePercent: Number(row.compliancePercent),
          })),
        ).toEqual(
          regions.map(({ region, stores: inRegion }) => ({
            regionCode: region.toUpperCase(),
            ...expectedTotals(inRegion),
          })),
        );
      }
    });

    it('streams current certifications in scope with derived statuses, ISO dates and formula-safe names', async () => {
      const response = await download('/reports/certifications.csv', 'hr');
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="certifications.csv"');
      expect(response.headers['cache-control']).toBe('private, no-store');
      const rows = rowsOf(response.text);
      const expected = PEOPLE.flatMap((spec) =>
        Object.entries(spec.certs ?? {}).map(([program, state]) => ({ spec, program, state })),
      );
      expect(rows).toHaveLength(expected.length);
      for (const { spec, program, state } of expected) {
        const row = rows.find((r) => r.employeeNumber === people[spec.key].employeeNumber && r.programCode === program);
        expect(row).toMatchObject({ status: state, storeCode: stores[spec.store].code });
        expect(row!.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      const injected = rows.find((r) => r.employeeNumber === people.cash1.employeeNumber)!;
      expect(injected.firstName).toBe(`'${INJECTION}`);
      expect(response.text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);

      const mine = rowsOf((await download('/reports/certifications.csv', 'n1Manager')).text);
      const n1Holders = expected.filter(({ spec }) => spec.store === 'n1');
      expect(mine.map((r) => r.storeCode)).toEqual(n1Holders.map(() => 'N1'));
      const expiring = rowsOf((await download('/reports/certifications.csv?status=EXPIRING', 'hr')).text);
      expect(expiring.map((r) => r.status).sort()).toEqual(
        expected.filter(({ state }) => state === 'EXPIRING').map(() => 'EXPIRING'),
      );
    });

    describe('who is missing a certificate, and open work', () => {
      type Scope = { store: string; program: string };
      const key = (row: Record<string, string>) => `${row.storeCode} ${row.programCode} ${row.employeeNumber}`;

      /** Who missingEmployees lists for the caller, by store code and programme code, each list in its order. */
      async function missingInGraphql(who: string): Promise<(Scope & { key: string })[]> {
        const response = await ask(
          who,
          `{ complianceByStore(first: 3) { edges { node { store { code } programs { program { code }
            missing missingEmployees(first: 10) { totalCount edges { node { employeeNumber } } } } } } } }`,
        );
        expect(response.errors).toBeUndefined();
        type Node = {
          store: { code: string };
          programs: {
            program: { code: string };
            missing: number;
            missingEmployees: { totalCount: number; edges: { node: { employeeNumber: string } }[] };
          }[];
        };
        const nodes = (response.data!.complianceByStore.edges as { node: Node }[]).map((edge) => edge.node);
        const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        return nodes
          .sort((a, b) => byCode(a.store.code, b.store.code))
          .flatMap((node) =>
            [...node.programs]
              .sort((a, b) => byCode(a.program.code, b.program.code))
              .flatMap((row) => {
                expect(row.missingEmployees.totalCount).toBe(row.missing);
                return row.missingEmployees.edges.map(({ node: person }) => ({
                  store: node.store.code,
                  program: row.program.code,
                  key: `${node.store.code} ${row.program.code} ${person.employeeNumber}`,
                }));
              }),
          );
      }

      it('streams the people missing a certificate, as missingEmployees lists them for the same scope', async () => {
        const cases: [string, string, (row: Scope) => boolean][] = [
          ['hr', '', () => true],
          ['regional', '', () => true],
          ['n1Manager', '', () => true],
          ['s1Manager', '', () => true],
          ['hr', `?storeId=${storeIds.s1}`, (row) => row.store === 'S1'],
          ['hr', `?regionId=${regionIds.north}`, (row) => row.store !== 'S1'],
          ['regional', `?programId=${programIds.CASH}`, (row) => row.program === 'CASH'],
          [
            'n1Manager',
            `?storeId=${storeIds.n1}&programId=${programIds.LPF}&regionId=`,
            (row) => row.program === 'LPF',
          ],
        ];
        for (const [who, query, keep] of cases) {
          const response = await download(`/reports/missing-certifications.csv${query}`, who);
          expect([query, response.status]).toEqual([query, 200]);
          expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
          expect(response.headers['content-disposition']).toBe('attachment; filename="missing-certifications.csv"');
          expect(response.headers['cache-control']).toBe('private, no-store');
          expect(response.text.split('\r\n')[0]).toBe(
            'storeCode,storeName,regionCode,programCode,programName,employeeNumber,firstName,lastName,email,' +
              'jobRoleCode,hireDate,revokedAt',
          );
          const expected = (await missingInGraphql(who)).filter(keep).map((row) => row.key);
          expect([who, query, rowsOf(response.text).map(key)]).toEqual([who, query, expected]);
        }

        // Checked against the fixture too, so that the GraphQL list cannot be wrong in the same way.
        const rows = rowsOf((await download('/reports/missing-certifications.csv', 'hr')).text);
        const expected = (['n1', 'n2', 's1'] as StoreKey[]).flatMap((store) =>
          (['CASH', 'LPF'] as ProgramKey[]).flatMap((program) =>
            expectedMissing(store, program).map(
              (person) => `${stores[store].code} ${program} ${people[person].employeeNumber}`,
            ),
          ),
        );
        expect(rows.map(key).sort()).toEqual(expected.sort());
        expect(rows.map((row) => row.employeeNumber)).not.toContain(people.goneSales.employeeNumber);
        const row = (person: string) => rows.find((r) => r.employeeNumber === people[person].employeeNumber)!;
        expect(row('cash2')).toMatchObject({ lastName: "'@SUM(A1)", regionCode: 'NORTH', jobRoleCode: 'CASHIER' });
        expect(row('sales4').revokedAt).toBe(new Date(NOW.getTime() - DAY).toISOString());
        expect(row('sales3').revokedAt).toBe('');
        expect(row('sales3').hireDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });

      it('streams open and overdue assignments of the people in scope, with the figures GraphQL gives', async () => {
        const OPEN: Partial<Record<Work, string>> = {
          DUE: 'ASSIGNED',
          OVERDUE: 'OVERDUE',
          IN_PROGRESS: 'IN_PROGRESS',
          IN_PROGRESS_OVERDUE: 'OVERDUE',
        };
        const expectedOpen = (visible: StoreKey[]) =>
          PEOPLE.filter((p) => isActive(p) && visible.includes(p.store)).flatMap((p) =>
            (p.work ?? []).flatMap((work, i) =>
              OPEN[work]
                ? [`${stores[p.store].code} ${people[p.key].employeeNumber} ${courses[i].course.code} ${OPEN[work]}`]
                : [],
            ),
          );
        const openKey = (row: Record<string, string>) =>
          `${row.storeCode} ${row.employeeNumber} ${row.courseCode} ${row.status}`;
        const cases: [string, string, StoreKey[], (row: string) => boolean][] = [
          ['hr', '', ['n1', 'n2', 's1'], () => true],
          ['regional', '', ['n1', 'n2'], () => true],
          ['n1Manager', '', ['n1'], () => true],
          ['hr', `?storeId=${storeIds.s1}`, ['s1'], () => true],
          ['hr', `?regionId=${regionIds.north}`, ['n1', 'n2'], () => true],
          ['hr', '?status=OVERDUE', ['n1', 'n2', 's1'], (row) => row.endsWith(' OVERDUE')],
          ['n1Manager', '?status=ASSIGNED', ['n1'], (row) => row.endsWith(' ASSIGNED')],
          [
            'regional',
            `?courseId=${courses[0].course.id}`,
            ['n1', 'n2'],
            (row) => row.includes(courses[0].course.code),
          ],
        ];
        for (const [who, query, visible, keep] of cases) {
          const response = await download(`/reports/open-assignments.csv${query}`, who);
          expect([query, response.status]).toEqual([query, 200]);
          expect(response.headers['content-disposition']).toBe('attachment; filename="open-assignments.csv"');
          expect(response.headers['cache-control']).toBe('private, no-store');
          const rows = rowsOf(response.text);
          expect([who, query, rows.map(openKey).sort()]).toEqual([
            who,
            query,
            expectedOpen(visible).filter(keep).sort(),
          ]);
        }
        expect(expectedOpen(['n1'])).toHaveLength(4);

        const response = await download('/reports/open-assignments.csv', 'hr');
        expect(response.text.split('\r\n')[0]).toBe(
          'storeCode,regionCode,employeeNumber,firstName,lastName,jobRoleCode,courseCode,courseTitle,status,reason,' +
            'programCode,assignedAt,dueAt,dueOn',
        );
        const rows = rowsOf(response.text);
        for (const store of ['n1', 'n2', 's1'] as StoreKey[]) {
          const code = stores[store].code;
          const count = (status: string) => rows.filter((r) => r.storeCode === code && r.status === status).length;
          const figures = await ask(
            'hr',
            `query ($storeId: ID!) { storeCompliance(storeId: $storeId) { overdueAssignments }
              assigned: assignments(filter: { storeId: $storeId, status: ASSIGNED }) { totalCount }
              inProgress: assignments(filter: { storeId: $storeId, status: IN_PROGRESS }) { totalCount } }`,
            { storeId: storeIds[store] },
          );
          expect(figures.errors).toBeUndefined();
          expect([code, count('OVERDUE'), count('ASSIGNED'), count('IN_PROGRESS')]).toEqual([
            code,
            figures.data!.storeCompliance.overdueAssignments,
            figures.data!.assigned.totalCount,
            figures.data!.inProgress.totalCount,
          ]);
        }
        // By store, then the longest overdue first.
        const order = rows.map((r) => `${r.storeCode} ${r.dueAt}`);
        expect(order).toEqual([...order].sort());
        for (const row of rows) {
          const timeZone = row.storeCode === 'S1' ? 'Pacific/Kiritimati' : 'Europe/London';
          expect(row.dueOn).toBe(new Date(row.dueAt).toLocaleDateString('en-CA', { timeZone }));
        }
        expect(rows.some((r) => r.dueOn !== r.dueAt.slice(0, 10))).toBe(true);
        expect(rows.map((r) => r.employeeNumber)).not.toContain(people.gone.employeeNumber);
        expect(rows.map((r) => r.employeeNumber)).not.toContain(people.goneSales.employeeNumber);
        const cash2 = rows.find((r) => r.employeeNumber === people.cash2.employeeNumber)!;
        expect(cash2).toMatchObject({ lastName: "'@SUM(A1)", reason: 'MANUAL', programCode: '' });
      });
    });

    it('answers 401, 403, 400 and 404 with a short text body and never a partial file', async () => {
      const cases: [string, string | undefined, number][] = [
        ['/reports/certifications.csv', undefined, 401],
        ['/reports/store-compliance.csv', 'sales3', 403],
        ['/reports/certifications.csv?expiringWithinDays=-1', 'hr', 400],
        ['/reports/certifications.csv?expiringWithinDays=100000', 'hr', 400],
        ['/reports/certifications.csv?status=SOON', 'hr', 400],
        ['/reports/certifications.csv?storeId=abc', 'hr', 400],
        ['/reports/store-compliance.csv?colour=red', 'hr', 400],
        ['/reports/store-compliance.csv?valueOf=1', 'hr', 400],
        ['/reports/certifications.csv?hasOwnProperty=1', 'hr', 400],
        ['/reports/store-compliance.csv?regionId=1&regionId=2', 'hr', 400],
        ['/reports/store-compliance.csv?regionId=999999', 'hr', 404],
        ['/reports/store-compliance.csv?programId=999999', 'hr', 404],
        ['/reports/certifications.csv?employeeId=999999', 'hr', 404],
        [`/reports/certifications.csv?storeId=${storeIds.s1}`, 'n1Manager', 404],
        ['/reports/region-compliance.csv', undefined, 401],
        ['/reports/region-compliance.csv', 'sales3', 403],
        ['/reports/region-compliance.csv?regionId=1', 'hr', 400],
        ['/reports/missing-certifications.csv', undefined, 401],
        ['/reports/missing-certifications.csv', 'sales3', 403],
        ['/reports/missing-certifications.csv?storeId=abc', 'hr', 400],
        ['/reports/missing-certifications.csv?status=EXPIRED', 'hr', 400],
        ['/reports/missing-certifications.csv?programId=1&programId=2', 'hr', 400],
        ['/reports/missing-certifications.csv?programId=999999', 'hr', 404],
        [`/reports/missing-certifications.csv?storeId=${storeIds.s1}`, 'n1Manager', 404],
        [`/reports/missing-certifications.csv?regionId=${regionIds.south}`, 'regional', 404],
        ['/reports/open-assignments.csv', undefined, 401],
        ['/reports/open-assignments.csv', 'sales3', 403],
        ['/reports/open-assignments.csv?status=COMPLETED', 'hr', 400],
        ['/reports/open-assignments.csv?status=overdue', 'hr', 400],
        ['/reports/open-assignments.csv?courseId=0', 'hr', 400],
        ['/reports/open-assignments.csv?programId=1', 'hr', 400],
        ['/reports/open-assignments.csv?courseId=999999', 'hr', 404],
        [`/reports/open-assignments.csv?storeId=${storeIds.n2}`, 'n1Manager', 404],
        [`/reports/open-assignments.csv?regionId=${regionIds.south}`, 'regional', 404],
      ];
      for (const [path, who, status] of cases) {
        const response = await download(path, who);
        expect([path, response.status]).toEqual([path, status]);
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
        expect(response.headers['content-disposition']).toBeUndefined();
        expect(response.text.length).toBeLessThan(300);
      }
    });
  });
});
