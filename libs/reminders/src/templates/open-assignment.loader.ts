import type { EntityManager } from 'typeorm';
import { OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { type NotificationToRender, stillDueAsPlanned } from '@lp/notifications';

/**
 * Sends a reminder about an assignment only while it is still open and due as planned: a
 * completion or a cancellation (including the bulk ones of audience rules) or a new due date
 * that came since planning cancels the email instead. Gives the course's title as it is now:
 * an admin may have renamed it since planning.
 */
export async function loadOpenAssignment(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const rows = (await manager.query(
    `SELECT co.title, a.due_at FROM assignments a JOIN courses co ON co.id = a.course_id
      WHERE a.id = ? AND a.status IN (?)`,
    [notification.subjectId, OPEN_ASSIGNMENT_STATUSES],
  )) as { title: string; due_at: Date }[];
  return rows.length > 0 && stillDueAsPlanned(notification, rows[0].due_at) ? { courseTitle: rows[0].title } : null;
}

/**
 * An escalation goes only to someone who still manages the assignee's store, about work
 * still open and due as planned: after a transfer of either, the next planning run
 * escalates to the store's managers of then.
 * Gives the assignee's id, for the link to their record, their name and the course's title
 * as they are now (HR may have corrected the name since planning), and their store's zone,
 * whose day the due date ends (the manager may be based in another).
 */
export async function loadEscalatedAssignment(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const rows = (await manager.query(
    `SELECT a.employee_id, a.due_at, e.first_name, e.last_name, s.timezone, co.title FROM assignments a
       JOIN employees e ON e.id = a.employee_id
       JOIN stores s ON s.id = e.store_id
       JOIN store_managers sm ON sm.store_id = e.store_id AND sm.employee_id = ?
       JOIN courses co ON co.id = a.course_id
      WHERE a.id = ? AND a.status IN (?)`,
    [notification.recipientId, notification.subjectId, OPEN_ASSIGNMENT_STATUSES],
  )) as { employee_id: number; due_at: Date; first_name: string; last_name: string; timezone: string; title: string }[];
  if (rows.length === 0 || !stillDueAsPlanned(notification, rows[0].due_at)) return null;
  const [row] = rows;
  return {
    employeeId: Number(row.employee_id),
    employeeName: `${row.first_name} ${row.last_name}`,
    employeeTimezone: row.timezone,
    courseTitle: row.title,
  };
}
