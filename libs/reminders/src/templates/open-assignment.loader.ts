import type { EntityManager } from 'typeorm';
import { OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { type NotificationToRender, stillDueAsPlanned } from '@lp/notifications';
import { Role } from '@lp/organisation';
import { activeRegionalManagerOf, activeStoreManagerOf, standInOf, standInReason } from '../stand-ins';

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
 * An escalation goes only to someone who is still the one to tell about the assignee's
 * store, about work still open and due as planned: one of its managers, or, for a store
 * without an active one, a regional manager of its region or, without those, HR (see
 * stand-ins.ts). After a transfer, a manager leaving or one appointed, the next planning
 * run escalates to whoever that is then.
 * Gives the assignee's id, for the link to their record, their name and the course's title
 * as they are now (HR may have corrected the name since planning), their store and its zone,
 * whose day the due date ends (the manager may be based in another), and why a stand-in is
 * told (`reason`, null for a store's manager).
 */
export async function loadEscalatedAssignment(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const recipient = notification.recipientId;
  const rows = (await manager.query(
    `SELECT a.employee_id, a.due_at, e.first_name, e.last_name, s.name AS store_name, s.timezone,
            r.name AS region_name, co.title,
            EXISTS (SELECT 1 FROM store_managers sm WHERE sm.store_id = e.store_id AND sm.employee_id = ?) AS manages_store,
            EXISTS (SELECT 1 FROM region_managers rm WHERE rm.region_id = s.region_id AND rm.employee_id = ?) AS manages_region,
            EXISTS (SELECT 1 FROM employees h WHERE h.id = ? AND h.role = ?) AS in_hr,
            ${activeStoreManagerOf('e.store_id', 'e.id')} AS store_managed,
            ${activeRegionalManagerOf('s.region_id', 'e.id')} AS region_managed
       FROM assignments a
       JOIN employees e ON e.id = a.employee_id
       JOIN stores s ON s.id = e.store_id
       JOIN regions r ON r.id = s.region_id
       JOIN courses co ON co.id = a.course_id
      WHERE a.id = ? AND a.status IN (?)`,
    [recipient, recipient, recipient, Role.HR, notification.subjectId, OPEN_ASSIGNMENT_STATUSES],
  )) as {
    employee_id: number;
    due_at: Date;
    first_name: string;
    last_name: string;
    store_name: string;
    timezone: string;
    region_name: string;
    title: string;
    manages_store: number | string;
    manages_region: number | string;
    in_hr: number | string;
    store_managed: number | string;
    region_managed: number | string;
  }[];
  if (rows.length === 0 || !stillDueAsPlanned(notification, rows[0].due_at)) return null;
  const [row] = rows;
  const standIn = standInOf(Number(row.store_managed) === 1, Number(row.region_managed) === 1);
  const toldAs = { store: row.manages_store, REGIONAL_MANAGER: row.manages_region, HR: row.in_hr }[standIn ?? 'store'];
  if (Number(toldAs) !== 1 || Number(row.employee_id) === recipient) return null;
  return {
    employeeId: Number(row.employee_id),
    employeeName: `${row.first_name} ${row.last_name}`,
    employeeTimezone: row.timezone,
    storeName: row.store_name,
    courseTitle: row.title,
    reason: standIn && standInReason(standIn, [row.store_name], [row.region_name]),
  };
}
