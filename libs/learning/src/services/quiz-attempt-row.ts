import { QuizAttemptEntity } from '../entities';

/**
 * A quiz attempt read by hand-written SQL on the quiz's hot paths, where TypeORM's query
 * building and hydration cost about as much CPU as the statement itself. Columns come
 * prefixed `qa_` so they can share a row with another table's.
 */
export function attemptColumns(alias: string): string {
  return `${alias}.id AS qa_id, ${alias}.assignment_id AS qa_assignment_id,
          ${alias}.course_version_id AS qa_course_version_id, ${alias}.number AS qa_number,
          ${alias}.started_at AS qa_started_at, ${alias}.expires_at AS qa_expires_at,
          ${alias}.submitted_at AS qa_submitted_at, ${alias}.question_count AS qa_question_count,
          ${alias}.correct_count AS qa_correct_count, ${alias}.score_percent AS qa_score_percent,
          ${alias}.passed AS qa_passed`;
}

export interface AttemptRow {
  qa_id: number;
  qa_assignment_id: number;
  qa_course_version_id: number;
  qa_number: number;
  qa_started_at: Date;
  qa_expires_at: Date | null;
  qa_submitted_at: Date | null;
  qa_question_count: number;
  qa_correct_count: number | null;
  /** DECIMAL arrives as a string to keep its precision. */
  qa_score_percent: string | number | null;
  qa_passed: number | boolean | null;
}

export function attemptFromRow(row: AttemptRow): QuizAttemptEntity {
  return Object.assign(new QuizAttemptEntity(), {
    id: row.qa_id,
    assignmentId: row.qa_assignment_id,
    courseVersionId: row.qa_course_version_id,
    number: row.qa_number,
    startedAt: row.qa_started_at,
    expiresAt: row.qa_expires_at,
    submittedAt: row.qa_submitted_at,
    questionCount: row.qa_question_count,
    correctCount: row.qa_correct_count,
    scorePercent: row.qa_score_percent === null ? null : Number(row.qa_score_percent),
    passed: row.qa_passed === null ? null : Boolean(row.qa_passed),
  });
}
