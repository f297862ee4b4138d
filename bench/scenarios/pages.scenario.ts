import { type DocumentNode, type OperationDefinitionNode, print } from 'graphql';
import * as webDocuments from '../../apps/web/src/gql/graphql';
import type { BenchContext, Scenario } from '../lib/context';
import { GraphqlErrorCounter } from '../lib/measure';
import { percentile } from '../lib/percentile';
import type { BenchRow } from '../lib/results';

/** Timed requests of each case, one after another, after one untimed. */
const REPETITIONS = 3;

type Reader = 'hr' | 'admin' | 'regional' | 'manager' | 'learner';

/** Who and what the cases ask about: the generated chain's first of each kind. */
interface Subjects {
  readers: Record<Reader, number>;
  storeId: string;
  regionId: string;
  programId: string;
  courseId: string;
  holderId: string;
  verificationCode: string;
  /** A graded quiz attempt of the learner's. */
  gradedAttemptId: string;
}

interface PageCase {
  query: string;
  reader: Reader;
  variables: (subjects: Subjects) => Record<string, unknown>;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Each query the web app sends, as the people who open its page send it; some with their filters. */
const CASES: PageCase[] = [
  { query: 'Me', reader: 'learner', variables: () => ({}) },
  { query: 'MyAssignments', reader: 'learner', variables: () => ({}) },
  { query: 'MyLessons', reader: 'learner', variables: () => ({}) },
  { query: 'MyCertifications', reader: 'learner', variables: () => ({}) },
  { query: 'VerifyCertificate', reader: 'learner', variables: (s) => ({ code: s.verificationCode }) },
  { query: 'QuizAttemptResult', reader: 'learner', variables: (s) => ({ attemptId: s.gradedAttemptId }) },
  { query: 'Store', reader: 'manager', variables: (s) => ({ id: s.storeId }) },
  { query: 'StoreChoices', reader: 'regional', variables: () => ({ first: 100 }) },
  { query: 'StoreChoices', reader: 'hr', variables: () => ({ first: 100 }) },
  { query: 'StoreChoices', reader: 'hr', variables: () => ({ first: 100, search: 'Store 12' }) },
  { query: 'StoreDashboard', reader: 'manager', variables: (s) => ({ storeId: s.storeId }) },
  { query: 'StoreCertifications', reader: 'manager', variables: (s) => ({ storeId: s.storeId, first: 20 }) },
  { query: 'StoreMissingPeople', reader: 'manager', variables: (s) => ({ storeId: s.storeId, first: 20 }) },
  {
    query: 'AssignMissing',
    reader: 'manager',
    variables: (s) => ({ storeId: s.storeId, programId: s.programId, first: 100 }),
  },
  { query: 'StoreOverdue', reader: 'manager', variables: (s) => ({ storeId: s.storeId, first: 20 }) },
  {
    query: 'StoreTrend',
    reader: 'manager',
    variables: (s) => ({ storeId: s.storeId, programId: s.programId, from: days(-90), to: days(0) }),
  },
  { query: 'AssignOptions', reader: 'manager', variables: () => ({}) },
  { query: 'AssignPeople', reader: 'manager', variables: (s) => ({ storeId: s.storeId, first: 100 }) },
  // The people of a whole region to choose from, as regional managers (and HR) assign across its stores.
  { query: 'AssignPeople', reader: 'hr', variables: (s) => ({ regionId: s.regionId, first: 100 }) },
  { query: 'CourseChoices', reader: 'manager', variables: () => ({ first: 100 }) },
  { query: 'CourseChoices', reader: 'hr', variables: () => ({ first: 100, search: 'theft' }) },
  { query: 'StoresList', reader: 'hr', variables: () => ({ first: 20 }) },
  { query: 'StoresList', reader: 'hr', variables: () => ({ first: 20, search: 'S1' }) },
  { query: 'People', reader: 'manager', variables: () => ({ first: 20 }) },
  { query: 'People', reader: 'hr', variables: () => ({ first: 20 }) },
  { query: 'People', reader: 'hr', variables: () => ({ first: 20, filter: { search: 'smith' } }) },
  { query: 'EmployeeRecord', reader: 'hr', variables: (s) => ({ id: s.holderId }) },
  { query: 'EmployeeAssignments', reader: 'hr', variables: (s) => ({ id: s.holderId, first: 20 }) },
  {
    query: 'EmployeeCertifications',
    reader: 'hr',
    variables: (s) => ({ id: s.holderId, first: 20, currentFirst: 100 }),
  },
  { query: 'StoreRanking', reader: 'regional', variables: () => ({ first: 20 }) },
  { query: 'StoreRanking', reader: 'hr', variables: () => ({ first: 20 }) },
  { query: 'StoreRanking', reader: 'hr', variables: (s) => ({ regionId: s.regionId, programId: s.programId }) },
  { query: 'ChainCompliance', reader: 'hr', variables: () => ({}) },
  { query: 'ChainTrend', reader: 'hr', variables: (s) => ({ programId: s.programId, from: days(-89), to: days(0) }) },
  {
    query: 'ChainTrend',
    reader: 'regional',
    variables: (s) => ({ programId: s.programId, from: days(-89), to: days(0) }),
  },
  {
    query: 'RegionTrend',
    reader: 'hr',
    variables: (s) => ({ regionId: s.regionId, programId: s.programId, from: days(-89), to: days(0) }),
  },
  { query: 'CertificationSearch', reader: 'hr', variables: () => ({ first: 20 }) },
  { query: 'CertificationSearch', reader: 'hr', variables: () => ({ first: 20, filter: { status: 'EXPIRING' } }) },
  {
    query: 'CertificationSearch',
    reader: 'hr',
    variables: (s) => ({ first: 20, filter: { regionId: s.regionId, status: 'EXPIRED' } }),
  },
  { query: 'Notifications', reader: 'hr', variables: () => ({ first: 20 }) },
  { query: 'Notifications', reader: 'hr', variables: () => ({ first: 20, filter: { kind: 'ASSIGNMENT_DUE' } }) },
  { query: 'Notifications', reader: 'hr', variables: () => ({ first: 20, filter: { status: 'SENT' } }) },
  {
    query: 'Notifications',
    reader: 'hr',
    variables: () => ({ first: 20, filter: { kind: 'ASSIGNMENT_DUE', status: 'SENT' } }),
  },
  // Not sent by the web app: the API's recipient filter, for a store manager, who is sent the most.
  {
    query: 'Notifications',
    reader: 'hr',
    variables: (s) => ({ first: 20, filter: { employeeId: String(s.readers.manager) } }),
  },
  { query: 'FilterOptions', reader: 'hr', variables: () => ({}) },
  { query: 'GrantablePrograms', reader: 'hr', variables: () => ({}) },
  { query: 'Programmes', reader: 'hr', variables: () => ({}) },
  { query: 'Courses', reader: 'admin', variables: () => ({ first: 20 }) },
  { query: 'CourseEditor', reader: 'admin', variables: (s) => ({ id: s.courseId }) },
];

/** The web app's queries (not its mutations) by operation name, as it sends them. */
function webQueries(): Map<string, string> {
  const queries = new Map<string, string>();
  for (const document of Object.values(webDocuments) as unknown[]) {
    const operation = (document as DocumentNode | undefined)?.definitions?.find(
      (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
    );
    if (operation?.operation === 'query' && operation.name) {
      queries.set(operation.name.value, print(document as DocumentNode));
    }
  }
  return queries;
}

async function subjectsOf(context: BenchContext): Promise<Subjects> {
  const first = async (sql: string, params: unknown[] = []): Promise<string> => {
    const [row] = (await context.dataSource.query(`${sql} LIMIT 1`, params)) as { value: number | string }[];
    if (!row) throw new Error(`the database has nothing for: ${sql}`);
    return String(row.value);
  };
  const active = (table: string) =>
    first(`SELECT m.employee_id AS value FROM ${table} m JOIN employees e ON e.id = m.employee_id AND e.active = 1
            ORDER BY m.employee_id`);
  const byRole = (role: string) =>
    first('SELECT id AS value FROM employees WHERE role = ? AND active = 1 ORDER BY id', [role]);
  const [hr, admin, regional, manager, learner] = await Promise.all([
    byRole('HR'),
    byRole('ADMIN'),
    active('region_managers'),
    active('store_managers'),
    first(`SELECT a.employee_id AS value FROM assignments a JOIN employees e ON e.id = a.employee_id AND e.active = 1
            WHERE a.status = 'IN_PROGRESS'
              AND EXISTS (SELECT 1 FROM quiz_attempts qa JOIN assignments own ON own.id = qa.assignment_id
                           WHERE own.employee_id = a.employee_id AND qa.submitted_at IS NOT NULL)
            ORDER BY a.id`),
  ]);
  const [storeId, regionId, programId, courseId, holderId, verificationCode, gradedAttemptId] = await Promise.all([
    first('SELECT store_id AS value FROM store_managers WHERE employee_id = ? ORDER BY store_id', [manager]),
    first(
      `SELECT s.region_id AS value FROM store_managers sm JOIN stores s ON s.id = sm.store_id
        WHERE sm.employee_id = ? ORDER BY s.id`,
      [manager],
    ),
    first('SELECT id AS value FROM certification_programs ORDER BY id'),
    first('SELECT id AS value FROM courses ORDER BY id'),
    first('SELECT employee_id AS value FROM certifications WHERE current_key IS NOT NULL ORDER BY id'),
    first('SELECT verification_code AS value FROM certifications ORDER BY id'),
    first(
      `SELECT qa.id AS value FROM quiz_attempts qa JOIN assignments a ON a.id = qa.assignment_id
        WHERE a.employee_id = ? AND qa.submitted_at IS NOT NULL ORDER BY qa.id`,
      [learner],
    ),
  ]);
  const readers = { hr, admin, regional, manager, learner };
  return {
    readers: Object.fromEntries(
      Object.entries(readers).map(([reader, id]) => [reader, Number(id)]),
    ) as Subjects['readers'],
    storeId,
    regionId,
    programId,
    courseId,
    holderId,
    verificationCode,
    gradedAttemptId,
  };
}

/**
 * 9 (informative): every query of the web app, as the people who open its page send it, on
 * the generated chain: each case's median latency, one request at a time. A query the
 * cases miss fails the row, so a new page is measured from its first run.
 */
export const pagesScenario: Scenario = {
  name: "9 pages: the web app's queries, one at a time",
  target: null,
  nextStep: 'run npm run bench:data first (the pages need every kind of reader)',
  async run(context) {
    const queries = webQueries();
    const unmeasured = [...queries.keys()].filter((name) => !CASES.some((c) => c.query === name));
    if (unmeasured.length) throw new Error(`no case for ${unmeasured.join(', ')}: add one to pages.scenario.ts`);
    const gone = CASES.filter((c) => !queries.has(c.query)).map((c) => c.query);
    if (gone.length) throw new Error(`the web app no longer sends ${gone.join(', ')}: update pages.scenario.ts`);
    const api = await context.servers.get('api');
    const subjects = await subjectsOf(context);
    const errors = new GraphqlErrorCounter();
    const medians: { label: string; ms: number }[] = [];
    for (const page of CASES) {
      const variables = page.variables(subjects);
      const body = JSON.stringify({ query: queries.get(page.query), variables });
      const token = context.tokenFor(subjects.readers[page.reader]);
      const times: number[] = [];
      for (let i = 0; i <= REPETITIONS; i++) {
        const started = performance.now();
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        errors.check(await response.text());
        if (i > 0) times.push(performance.now() - started);
      }
      const median = percentile(
        times.sort((a, b) => a - b),
        50,
      );
      const label = `${page.query} as ${page.reader} ${JSON.stringify(variables)}`;
      medians.push({ label, ms: median });
      context.log(`  ${median.toFixed(0).padStart(6)} ms  ${label}`);
    }
    const slowest = [...medians].sort((a, b) => b.ms - a.ms);
    const problems = errors.describe(CASES.length * (REPETITIONS + 1));
    const row: BenchRow = {
      scenario: this.name,
      unit: 'ms',
      ours: slowest[0].ms,
      baseline: null,
      ratio: null,
      target: null,
      pass: problems ? false : null,
      note:
        `slowest of ${CASES.length} cases (${queries.size} queries), medians of ${REPETITIONS}: ` +
        slowest
          .slice(0, 3)
          .map((page) => `${page.label.split(' {')[0]} ${page.ms.toFixed(0)} ms`)
          .join(', ') +
        (problems ? `; ${problems}` : ''),
    };
    return [row];
  },
};
