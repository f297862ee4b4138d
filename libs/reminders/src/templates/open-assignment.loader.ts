import type { EntityManager } from 'typeorm';
import { OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import type { NotificationToRender } from '@lp/notifications';

/**
 * Sends a reminder about an assignment only while it is still open: a completion or a
 * cancellation (including the bulk ones of audience rules) that happened since planning
 * cancels the email instead.
 */
export async function loadOpenAssignment(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const rows = (await manager.query('SELECT id FROM assignments WHERE id = ? AND status IN (?)', [
    notification.subjectId,
    OPEN_ASSIGNMENT_STATUSES,
  ])) as { id: number }[];
  return rows.length > 0 ? {} : null;
}

/**
 * An escalation goes only to someone who still manages the assignee's store: after a
 * transfer of either, the next planning run escalates to the store's managers of then.
 * Gives the assignee's id, for the link to their record.
 */
export async function loadEscalatedAssignment(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const rows = (await manager.query(
    `SELECT a.employee_id FROM assignments a
       JOIN employees e ON e.id = a.employee_id
       JOIN store_managers sm ON sm.store_id = e.store_id AND sm.employee_id = ?
      WHERE a.id = ? AND a.status IN (?)`,
    [notification.recipientId, notification.subjectId, OPEN_ASSIGNMENT_STATUSES],
  )) as { employee_id: number }[];
  return rows.length > 0 ? { employeeId: Number(rows[0].employee_id) } : null;
}
