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
