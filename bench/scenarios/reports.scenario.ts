import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import type { MysqlDataSourceOptions } from 'typeorm/driver/mysql/MysqlDataSourceOptions';
import type { BenchContext, Scenario } from '../lib/context';
import { GraphqlErrorCounter } from '../lib/measure';
import { rateRow } from '../lib/results';

/** Requests in flight at once on each side, so both queue on the database alike. */
export const CONCURRENCY = 10;
const PAGE_SIZE = 20;

const STORE_COMPLIANCE = `query StoreCompliance($storeId: ID!) {
  storeCompliance(storeId: $storeId) {
    store { id code } headcount required certified expiringSoon expired missing compliancePercent
    completionRatePercent overdueAssignments averageQuizScorePercent
    programs { program { code } required certified expiringSoon expired missing compliancePercent }
  }
}`;
const COMPLIANCE_BY_STORE = `query ComplianceByStore($regionId: ID!) {
  complianceByStore(regionId: $regionId, first: ${PAGE_SIZE}) {
    totalCount
    edges { cursor node { store { id code } headcount required certified compliancePercent overdueAssignments } }
  }
}`;

/**
 * The baseline: what libs/reporting/src/queries/compliance-sql.ts asks of the database for
 * an HR caller (whole chain in scope), written out by hand for one store condition; the
 * assignment and quiz figures (storeActivity) joined in, or read on their own.
 */
function storeFigures(condition: string, withActivity: boolean): string {
  return `SELECT s.id AS store_id, s.code AS store_code, s.name AS store_name,
      DATE_FORMAT(s.closed_on, '%Y-%m-%d') AS store_closed_on, r.code AS region_code,
      COALESCE(hc.headcount, 0) AS headcount, COALESCE(pf.required, 0) AS required,
      COALESCE(pf.certified, 0) AS certified, COALESCE(pf.expiring_soon, 0) AS expiring_soon,
      COALESCE(pf.expired, 0) AS expired, COALESCE(pf.missing, 0) AS missing,
      ROUND(COALESCE(100 * COALESCE(pf.certified, 0) / NULLIF(COALESCE(pf.required, 0), 0), 100), 1) AS compliance_percent
      ${withActivity ? ', act.*' : ''}
    FROM stores s
    JOIN regions r ON r.id = s.region_id
    LEFT JOIN (SELECT e.store_id, COUNT(*) AS headcount FROM stores s
      JOIN employees e ON e.store_id = s.id AND e.active = 1 WHERE ${condition} GROUP BY e.store_id) hc ON hc.store_id = s.id
    LEFT JOIN (SELECT f.store_id, SUM(f.required) AS required, SUM(f.certified) AS certified,
        SUM(f.expiring_soon) AS expiring_soon, SUM(f.expired) AS expired, SUM(f.missing) AS missing
      FROM (${programFigures(condition)}) f GROUP BY f.store_id) pf ON pf.store_id = s.id
    ${withActivity ? `LEFT JOIN (${storeActivity(condition)}) act ON act.activity_store_id = s.id` : ''}
    WHERE ${condition}`;
}

/** Per store: completion rate, overdue, open and completed assignments, average quiz score. */
function storeActivity(condition: string): string {
  return `SELECT s.id AS activity_store_id,
      ROUND(100 * asg.completed / NULLIF(asg.counted, 0), 1) AS completion_rate_percent,
      COALESCE(asg.overdue, 0) AS overdue_assignments, COALESCE(asg.open, 0) AS open_assignments,
      COALESCE(asg.completed, 0) AS completed_assignments, quiz.average_score AS average_quiz_score_percent
    FROM stores s
    LEFT JOIN (${assignmentFigures(condition)}) asg ON asg.store_id = s.id
    LEFT JOIN (SELECT best.store_id, ROUND(AVG(best.score), 1) AS average_score
      FROM (SELECT qe.store_id, MAX(q.score_percent) AS score
        FROM stores s JOIN employees qe ON qe.store_id = s.id AND qe.active = 1
        JOIN assignments qa ON qa.employee_id = qe.id JOIN quiz_attempts q ON q.assignment_id = qa.id
        WHERE ${condition} AND q.submitted_at IS NOT NULL AND q.submitted_at > :quizSince AND q.submitted_at <= :now
        GROUP BY qe.store_id, qa.id) best
      GROUP BY best.store_id) quiz ON quiz.store_id = s.id
    WHERE ${condition}`;
}

/** Per store: completed, counted (not cancelled), overdue and open assignments of active employees. */
export function assignmentFigures(condition: string): string {
  return `SELECT ae.store_id, SUM(a.status = 'COMPLETED') AS completed, SUM(a.status <> 'CANCELLED') AS counted,
      SUM(a.status IN ('ASSIGNED', 'IN_PROGRESS') AND a.due_at < :now) AS overdue,
      SUM(a.status IN ('ASSIGNED', 'IN_PROGRESS')) AS open
    FROM stores s JOIN employees ae ON ae.store_id = s.id AND ae.active = 1
    JOIN assignments a ON a.employee_id = ae.id WHERE ${condition} GROUP BY ae.store_id`;
}

/** Per store and programme: required, certified, expiring_soon, expired, missing. */
export function programFigures(condition: string): string {
  const valid = 'c.id IS NOT NULL AND c.revoked_at IS NULL';
  return `SELECT m.store_id, m.program_id, COUNT(*) AS required,
      SUM(CASE WHEN ${valid} AND c.expires_at > :now THEN 1 ELSE 0 END) AS certified,
      SUM(CASE WHEN ${valid} AND c.expires_at > :now
                AND c.expires_at <= DATE_ADD(:now, INTERVAL p.recertify_window_days DAY) THEN 1 ELSE 0 END) AS expiring_soon,
      SUM(CASE WHEN ${valid} AND c.expires_at <= :now THEN 1 ELSE 0 END) AS expired,
      SUM(CASE WHEN c.id IS NULL OR c.revoked_at IS NOT NULL THEN 1 ELSE 0 END) AS missing
    FROM (SELECT DISTINCT e.id AS employee_id, e.store_id, pa.program_id
      FROM stores s JOIN employees e ON e.store_id = s.id AND e.active = 1
      JOIN program_audiences pa ON pa.job_role_id = e.job_role_id
       AND (pa.store_id IS NULL OR pa.store_id = s.id) AND (pa.region_id IS NULL OR pa.region_id = s.region_id)
      WHERE ${condition}) m
    JOIN certification_programs p ON p.id = m.program_id
    LEFT JOIN certifications c ON c.employee_id = m.employee_id AND c.current_key = m.program_id
    GROUP BY m.store_id, m.program_id`;
}

const STORE_SQL = storeFigures('s.id = :storeId', true);
const STORE_PROGRAMS_SQL = `SELECT f.*, p.code AS program_code,
    ROUND(COALESCE(100 * f.certified / NULLIF(f.required, 0), 100), 1) AS compliance_percent
  FROM (${programFigures('s.id = :storeId')}) f JOIN certification_programs p ON p.id = f.program_id
  ORDER BY f.store_id, p.code`;
// A region's ranking lists its open stores only, as ComplianceReports asks.
const REGION_PAGE_SQL = `SELECT * FROM (${storeFigures('s.region_id = :regionId AND s.closed_on IS NULL', false)}) ranked
  ORDER BY ranked.compliance_percent, ranked.store_id LIMIT ${PAGE_SIZE + 1}`;
const PAGE_ACTIVITY_SQL = storeActivity('s.id IN (:storeIds)');
const REGION_COUNT_SQL = 'SELECT COUNT(*) AS total FROM stores s WHERE s.region_id = :regionId AND s.closed_on IS NULL';

interface Latency {
  requestsPerSecond: number;
  meanMs: number;
}

/** `CONCURRENCY` loops each sending one request after another for `seconds`; the first `warmup` seconds are dropped. */
async function closedLoop(seconds: number, warmup: number, send: (i: number) => Promise<void>): Promise<Latency> {
  const run = async (duration: number): Promise<Latency> => {
    const until = performance.now() + duration * 1000;
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          await send(next++);
          latencies.push(performance.now() - started);
        }
      }),
    );
    const total = latencies.reduce((sum, ms) => sum + ms, 0);
    return { requestsPerSecond: latencies.length / duration, meanMs: total / Math.max(latencies.length, 1) };
  };
  if (warmup > 0) await run(warmup);
  return run(seconds);
}

export function openPool(context: BenchContext): Pool {
  const options = context.dataSource.options as MysqlDataSourceOptions;
  return createPool({
    uri: options.url,
    host: options.host,
    port: options.port,
    socketPath: options.socketPath,
    user: options.username,
    password: options.password,
    database: options.database,
    connectionLimit: CONCURRENCY,
    namedPlaceholders: true,
  });
}

/**
 * 3: storeCompliance for random stores and complianceByStore for random regions through the
 * API as HR, against the same aggregates run by hand on a mysql2 pool, at the same
 * concurrency. The row's ratio is SQL latency / API latency (target ≤ 1.5× is ≥ 0.67).
 */
export const reportsScenario: Scenario = {
  name: '3 reports (storeCompliance / complianceByStore) vs SQL',
  target: 0.67,
  nextStep: 'run npm run bench:data first (the reports need stores and an HR employee)',
  async run(context) {
    const api = await context.servers.get('api');
    const [hr] = (await context.dataSource.query(
      "SELECT id FROM employees WHERE role = 'HR' AND active = 1 LIMIT 1",
    )) as { id: number }[];
    const stores = (await context.dataSource.query('SELECT id, region_id FROM stores ORDER BY id')) as {
      id: number;
      region_id: number;
    }[];
    if (!hr || stores.length === 0) throw new Error('the database has no HR employee or no stores');
    const regions = [...new Set(stores.map((s) => s.region_id))];
    const token = context.tokenFor(hr.id);
    const errors = new GraphqlErrorCounter();
    const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
    // Half the requests of each side are storeCompliance, half complianceByStore.
    const throughApi = async (i: number) => {
      const body =
        i % 2 === 0
          ? { query: STORE_COMPLIANCE, variables: { storeId: String(pick(stores, i).id) } }
          : { query: COMPLIANCE_BY_STORE, variables: { regionId: String(pick(regions, i)) } };
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      errors.check(await response.text());
    };
    const pool = openPool(context);
    try {
      const bySql = async (i: number) => {
        const now = new Date();
        const quizSince = new Date(now.getTime() - 90 * 86_400_000);
        if (i % 2 === 0) {
          const params = { storeId: pick(stores, i).id, now, quizSince };
          await Promise.all([pool.query(STORE_SQL, params), pool.query(STORE_PROGRAMS_SQL, params)]);
        } else {
          const params = { regionId: pick(regions, i), now, quizSince };
          const [[page]] = await Promise.all([
            pool.query<RowDataPacket[]>(REGION_PAGE_SQL, params),
            pool.query(REGION_COUNT_SQL, params),
          ]);
          const storeIds = page.slice(0, PAGE_SIZE).map((row) => row.store_id as number);
          if (storeIds.length) await pool.query(PAGE_ACTIVITY_SQL, { storeIds, now, quizSince });
        }
      };
      const { durationSeconds, warmupSeconds } = context.settings;
      const baseline = await closedLoop(durationSeconds, warmupSeconds, bySql);
      const ours = await closedLoop(durationSeconds, warmupSeconds, throughApi);
      const problems = errors.describe(Math.round(ours.requestsPerSecond * durationSeconds));
      const row = rateRow(
        this.name,
        'req/s',
        ours.requestsPerSecond,
        baseline.requestsPerSecond,
        this.target!,
        `mean latency ${ours.meanMs.toFixed(1)} ms vs ${baseline.meanMs.toFixed(1)} ms (${(ours.meanMs / baseline.meanMs).toFixed(2)}×), ${CONCURRENCY} in flight` +
          (problems ? `; ${problems}` : ''),
      );
      return [{ ...row, pass: row.pass === true && !problems }];
    } finally {
      await pool.end();
    }
  },
};
