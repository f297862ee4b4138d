import { AssignmentStatus } from '@lp/assignments';
import { type SqlFragment, type StoreSelection, storeCondition } from '../store-selection';

/** Days of quiz attempts behind averageQuizScorePercent. */
export const QUIZ_SCORE_DAYS = 90;

/**
 * A percentage to one decimal place, computed by the database so every report (and the
 * ordering of complianceByStore) uses the same figure; `whenEmpty` when the denominator is 0.
 */
export function percentSql(numerator: string, denominator: string, whenEmpty: '100' | 'NULL'): string {
  return `ROUND(COALESCE(100 * (${numerator}) / NULLIF(${denominator}, 0), ${whenEmpty}), 1)`;
}

export interface FigureOptions {
  programId?: number;
  now: Date;
}

/**
 * Who must hold which programme: active employees whose job role an audience rule names,
 * within the rule's store or region limit. DISTINCT because two rules may name one person.
 */
function audienceMembersSql(condition: string, programId: number | undefined): string {
  return `SELECT DISTINCT e.id AS employee_id, e.store_id, pa.program_id
      FROM stores s
      JOIN employees e ON e.store_id = s.id AND e.active = 1
      JOIN program_audiences pa ON pa.job_role_id = e.job_role_id
       AND (pa.store_id IS NULL OR pa.store_id = s.id)
       AND (pa.region_id IS NULL OR pa.region_id = s.region_id)
     WHERE ${condition}${programId === undefined ? '' : ' AND pa.program_id = :programId'}`;
}

/** Joined to an audience member `m`: the current certification cycle `c` of their programme. */
const CURRENT_CYCLE_JOIN =
  'LEFT JOIN certifications c ON c.employee_id = m.employee_id AND c.current_key = m.program_id';

/** Over CURRENT_CYCLE_JOIN: the member is missing the programme (no current cycle, or a revoked one). */
const MISSING_CONDITION = 'c.id IS NULL OR c.revoked_at IS NOT NULL';

/**
 * Per store and programme: required, certified (current cycle ACTIVE or EXPIRING),
 * expiringSoon (EXPIRING), expired (current cycle EXPIRED) and missing (no current cycle,
 * or a revoked one). The last four partition `required`: certified + expired + missing =
 * required. Status conditions match rules/certification-status.ts.
 */
export function programFiguresSql(selection: StoreSelection, options: FigureOptions): SqlFragment {
  const condition = storeCondition(selection);
  const valid = 'c.id IS NOT NULL AND c.revoked_at IS NULL';
  const sql = `SELECT m.store_id, m.program_id,
      COUNT(*) AS required,
      SUM(CASE WHEN ${valid} AND c.expires_at > :now THEN 1 ELSE 0 END) AS certified,
      SUM(CASE WHEN ${valid} AND c.expires_at > :now
                AND c.expires_at <= DATE_ADD(:now, INTERVAL p.recertify_window_days DAY) THEN 1 ELSE 0 END) AS expiring_soon,
      SUM(CASE WHEN ${valid} AND c.expires_at <= :now THEN 1 ELSE 0 END) AS expired,
      SUM(CASE WHEN ${MISSING_CONDITION} THEN 1 ELSE 0 END) AS missing
    FROM (${audienceMembersSql(condition.sql, options.programId)}) m
    JOIN certification_programs p ON p.id = m.program_id
    ${CURRENT_CYCLE_JOIN}
    GROUP BY m.store_id, m.program_id`;
  return { sql, params: { ...condition.params, programId: options.programId, now: options.now } };
}

/**
 * The people programFiguresSql counts as `missing`: one row (employee_id, store_id,
 * program_id) per active audience member of the selected stores and the programmes
 * `programIds` (every programme when not given) with no current cycle of that programme, or
 * a revoked one.
 */
export function missingMembersSql(selection: StoreSelection, programIds?: number[]): SqlFragment {
  const condition = storeCondition(selection);
  const programs =
    programIds === undefined ? '1 = 1' : programIds.length ? 'pa.program_id IN (:...missingProgramIds)' : '1 = 0';
  const sql = `SELECT m.employee_id, m.store_id, m.program_id
    FROM (${audienceMembersSql(`${condition.sql} AND ${programs}`, undefined)}) m
    ${CURRENT_CYCLE_JOIN}
    WHERE ${MISSING_CONDITION}`;
  return { sql, params: { ...condition.params, missingProgramIds: programIds } };
}

/**
 * Per store: completed, counted (not cancelled), overdue and open (ASSIGNED or
 * IN_PROGRESS) assignments of its active employees.
 */
function assignmentFiguresSql(condition: string): string {
  const open = `'${AssignmentStatus.ASSIGNED}', '${AssignmentStatus.IN_PROGRESS}'`;
  return `SELECT ae.store_id,
        SUM(a.status = '${AssignmentStatus.COMPLETED}') AS completed,
        SUM(a.status <> '${AssignmentStatus.CANCELLED}') AS counted,
        SUM(a.status IN (${open}) AND a.due_at < :now) AS overdue,
        SUM(a.status IN (${open})) AS open
      FROM stores s
      JOIN employees ae ON ae.store_id = s.id AND ae.active = 1
      JOIN assignments a ON a.employee_id = ae.id
      WHERE ${condition}
      GROUP BY ae.store_id`;
}

/**
 * What a daily snapshot row holds, in one statement: the programme figures of each
 * selected store (programFiguresSql) with its compliance percent, and the store's open,
 * completed and overdue assignments (as in storeActivitySql).
 */
export function programActivitySql(selection: StoreSelection, options: FigureOptions): SqlFragment {
  const programs = programFiguresSql(selection, options);
  const sql = `SELECT f.*, ${percentSql('f.certified', 'f.required', '100')} AS compliance_percent,
      COALESCE(asg.open, 0) AS open_assignments,
      COALESCE(asg.completed, 0) AS completed_assignments,
      COALESCE(asg.overdue, 0) AS overdue_assignments
    FROM (${programs.sql}) f
    LEFT JOIN (${assignmentFiguresSql(storeCondition(selection).sql)}) asg ON asg.store_id = f.store_id`;
  return { sql, params: programs.params };
}

/**
 * One row per selected store: completionRatePercent, overdue, open and completed
 * assignments, and averageQuizScorePercent, all of the store's active employees. The
 * average takes one score per assignment, its best attempt in the window: a quiz passed at
 * the third try counts once, at its passing score, not as three attempts.
 */
export function storeActivitySql(selection: StoreSelection, options: FigureOptions): SqlFragment {
  const condition = storeCondition(selection);
  const sql = `SELECT s.id AS store_id,
      ${percentSql('COALESCE(asg.completed, 0)', 'COALESCE(asg.counted, 0)', 'NULL')} AS completion_rate_percent,
      COALESCE(asg.overdue, 0) AS overdue_assignments,
      COALESCE(asg.open, 0) AS open_assignments,
      COALESCE(asg.completed, 0) AS completed_assignments,
      quiz.average_score AS average_quiz_score_percent
    FROM stores s
    LEFT JOIN (${assignmentFiguresSql(condition.sql)}) asg ON asg.store_id = s.id
    LEFT JOIN (
      SELECT best.store_id, ROUND(AVG(best.score), 1) AS average_score
      FROM (
        SELECT qe.store_id, MAX(q.score_percent) AS score
        FROM stores s
        JOIN employees qe ON qe.store_id = s.id AND qe.active = 1
        JOIN assignments qa ON qa.employee_id = qe.id
        JOIN quiz_attempts q ON q.assignment_id = qa.id
        WHERE ${condition.sql}
          AND q.submitted_at IS NOT NULL AND q.submitted_at > :quizSince AND q.submitted_at <= :now
        GROUP BY qe.store_id, qa.id
      ) best
      GROUP BY best.store_id
    ) quiz ON quiz.store_id = s.id
    WHERE ${condition.sql}`;
  const quizSince = new Date(options.now.getTime() - QUIZ_SCORE_DAYS * 86_400_000);
  return { sql, params: { ...condition.params, now: options.now, quizSince } };
}

/**
 * One row per selected store: headcount and the programme figures summed over the
 * programmes that apply (or the one asked for), compliancePercent (100 when nobody is
 * required to hold anything), and — with `activity` — the store's storeActivitySql figures.
 */
export function storeFiguresSql(
  selection: StoreSelection,
  options: FigureOptions & { activity: boolean },
): SqlFragment {
  const condition = storeCondition(selection);
  const programs = programFiguresSql(selection, options);
  const activity = options.activity ? storeActivitySql(selection, options) : undefined;
  const activityColumns = activity
    ? `,
      act.completion_rate_percent, act.overdue_assignments, act.open_assignments,
      act.completed_assignments, act.average_quiz_score_percent`
    : '';
  const activityJoin = activity ? `\n    LEFT JOIN (${activity.sql}) act ON act.store_id = s.id` : '';
  const sql = `SELECT s.id AS store_id, s.code AS store_code, s.name AS store_name, s.timezone AS store_timezone,
      DATE_FORMAT(s.closed_on, '%Y-%m-%d') AS store_closed_on, s.region_id, r.code AS region_code,
      COALESCE(hc.headcount, 0) AS headcount,
      COALESCE(pf.required, 0) AS required,
      COALESCE(pf.certified, 0) AS certified,
      COALESCE(pf.expiring_soon, 0) AS expiring_soon,
      COALESCE(pf.expired, 0) AS expired,
      COALESCE(pf.missing, 0) AS missing,
      ${percentSql('COALESCE(pf.certified, 0)', 'COALESCE(pf.required, 0)', '100')} AS compliance_percent${activityColumns}
    FROM stores s
    JOIN regions r ON r.id = s.region_id
    LEFT JOIN (
      SELECT e.store_id, COUNT(*) AS headcount
      FROM stores s JOIN employees e ON e.store_id = s.id AND e.active = 1
      WHERE ${condition.sql}
      GROUP BY e.store_id
    ) hc ON hc.store_id = s.id
    LEFT JOIN (
      SELECT f.store_id, SUM(f.required) AS required, SUM(f.certified) AS certified,
        SUM(f.expiring_soon) AS expiring_soon, SUM(f.expired) AS expired, SUM(f.missing) AS missing
      FROM (${programs.sql}) f
      GROUP BY f.store_id
    ) pf ON pf.store_id = s.id${activityJoin}
    WHERE ${condition.sql}`;
  return { sql, params: { ...programs.params, ...activity?.params } };
}
