import type { EntityManager } from 'typeorm';
import { NotificationKind, NotificationSubjectType } from '@lp/notifications';

/** Who has an expiry notice planned (whatever became of it), by certification id. */
export async function expiryNoticeRecipients(
  manager: EntityManager,
  certificationIds: number[],
): Promise<Map<number, Set<number>>> {
  const recipients = new Map<number, Set<number>>();
  if (certificationIds.length === 0) return recipients;
  const rows = (await manager.query(
    `SELECT subject_id, recipient_id FROM notifications
      WHERE subject_type = ? AND subject_id IN (?) AND kind = ?`,
    [NotificationSubjectType.CERTIFICATION, certificationIds, NotificationKind.CERTIFICATION_EXPIRED],
  )) as { subject_id: number; recipient_id: number }[];
  for (const row of rows) {
    const told = recipients.get(Number(row.subject_id)) ?? new Set<number>();
    told.add(Number(row.recipient_id));
    recipients.set(Number(row.subject_id), told);
  }
  return recipients;
}

/**
 * The people of one group (the holder's store's managers, or HR) to tell of an expiry: all
 * of them the first time, nobody once one of them was: someone who joins the group later
 * (a new HR employee, a second manager) is not sent the expiries of the weeks before.
 */
export function newsTo(group: number[], told: ReadonlySet<number>): number[] {
  return group.some((id) => told.has(id)) ? [] : group;
}
