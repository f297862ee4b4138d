import type { DataSource } from 'typeorm';

/** Active employees of the generated chain with something on their dashboard, in random order. */
export async function sampleLearners(dataSource: DataSource, count: number): Promise<number[]> {
  const rows = (await dataSource.query(
    `SELECT e.id FROM employees e
      WHERE e.active = 1 AND e.role = 'EMPLOYEE' AND EXISTS (SELECT 1 FROM assignments a WHERE a.employee_id = e.id)
      ORDER BY RAND() LIMIT ?`,
    [count],
  )) as { id: number }[];
  if (rows.length === 0) throw new Error('the database has no learners with assignments');
  return rows.map((r) => r.id);
}

export interface QuizSeat {
  employeeId: number;
  assignmentId: number;
  attemptsLeft: number;
}

/**
 * Assignments in progress whose lessons are all read and that have attempts left: each
 * can take up to `attemptsLeft` start + submit rounds before the quiz refuses it.
 */
export async function quizSeats(dataSource: DataSource, limit: number): Promise<QuizSeat[]> {
  const rows = (await dataSource.query(
    `SELECT a.id AS assignmentId, a.employee_id AS employeeId,
            v.quiz_max_attempts - (SELECT COUNT(*) FROM quiz_attempts q WHERE q.assignment_id = a.id) AS attemptsLeft
       FROM assignments a
       JOIN employees e ON e.id = a.employee_id AND e.active = 1
       JOIN course_versions v ON v.id = a.course_version_id
      WHERE a.status = 'IN_PROGRESS'
        AND (SELECT COUNT(*) FROM lesson_progress p WHERE p.assignment_id = a.id)
          = (SELECT COUNT(*) FROM lessons l WHERE l.course_version_id = v.id)
        AND NOT EXISTS (SELECT 1 FROM quiz_attempts q WHERE q.assignment_id = a.id AND q.submitted_at IS NULL)
      HAVING attemptsLeft > 0
      ORDER BY RAND() LIMIT ?`,
    [limit],
  )) as { assignmentId: number; employeeId: number; attemptsLeft: string | number }[];
  return rows.map((r) => ({ ...r, attemptsLeft: Number(r.attemptsLeft) }));
}
