import type { EntityManager } from 'typeorm';

/** What a holder has open to renew a certificate: how many assignments, and the one when there is one. */
export interface OpenRefreshers {
  refresherCount: number;
  refresherId: number | null;
}

/**
 * The holder's open work that renews the certificate, as it is when the email is sent: the
 * programme's refresher course, or without one its required courses (as the refresher
 * planner assigns them). None when the holder left the programme's audience, a manager
 * cancelled it, the course is not published, or the window has not opened yet. An
 * assignment is open exactly while its open_key holds its course.
 */
export async function openRefreshersOf(manager: EntityManager, certificationId: number): Promise<OpenRefreshers> {
  const rows = (await manager.query(
    `SELECT a.id FROM certifications c
       JOIN certification_programs p ON p.id = c.program_id
       JOIN assignments a ON a.employee_id = c.employee_id
        AND (a.open_key = p.refresher_course_id
          OR (p.refresher_course_id IS NULL
              AND a.open_key IN (SELECT pc.course_id FROM program_courses pc WHERE pc.program_id = p.id)))
      WHERE c.id = ?
      ORDER BY a.id`,
    [certificationId],
  )) as { id: number }[];
  return {
    refresherCount: rows.length,
    refresherId: rows.length === 1 ? Number(rows[0].id) : null,
  };
}
