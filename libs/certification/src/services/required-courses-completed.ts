import type { EntityManager } from 'typeorm';

/** A completion a certification cycle rests on. */
export interface CompletedCourse {
  course_id: number;
  course_version_id: number | null;
  completed_at: Date;
  assignment_id: number;
}

/** The completions as the certification writer records them, the evidence a cycle rests on. */
export function asEvidence(
  courses: CompletedCourse[],
): { courseId: number; courseVersionId: number | null; completedAt: Date; assignmentId: number }[] {
  return courses.map((c) => ({
    courseId: c.course_id,
    courseVersionId: c.course_version_id,
    completedAt: c.completed_at,
    assignmentId: c.assignment_id,
  }));
}

/** The latest completion of each course a programme requires since `since`, or null while one is missing. */
export async function requiredCoursesCompletedSince(
  manager: EntityManager,
  programId: number,
  employeeId: number,
  since: Date | null,
): Promise<CompletedCourse[] | null> {
  const rows = (await manager.query(
    `SELECT pc.course_id,
            (SELECT a.id FROM assignments a
              WHERE a.employee_id = ? AND a.course_id = pc.course_id AND a.status = 'COMPLETED'
                AND (? IS NULL OR a.completed_at >= ?)
              ORDER BY a.completed_at DESC LIMIT 1) AS assignment_id
       FROM program_courses pc
      WHERE pc.program_id = ?`,
    [employeeId, since, since, programId],
  )) as { course_id: number; assignment_id: number | null }[];
  if (rows.length === 0 || rows.some((r) => r.assignment_id === null)) return null;
  return (await manager.query(
    `SELECT id AS assignment_id, course_id, course_version_id, completed_at FROM assignments WHERE id IN (?)`,
    [rows.map((r) => r.assignment_id)],
  )) as CompletedCourse[];
}
