import type { EntityManager } from 'typeorm';
import { Role } from '@lp/organisation';

/**
 * Who stands in for a store's managers when it has no active one: the active regional
 * managers of its region, or HR when the region has none either. Overdue work escalates,
 * and the weekly digest goes, to the stand-ins only then: a store with a manager keeps
 * theirs to them, as the region's managers see their stores in the app.
 */
export type StandIn = 'REGIONAL_MANAGER' | 'HR';

/** SQL: whether the store in `storeColumn` has an active store manager (other than the employee in `exceptColumn`). */
export function activeStoreManagerOf(storeColumn: string, exceptColumn?: string): string {
  return `EXISTS (SELECT 1 FROM store_managers asm JOIN employees asm_e ON asm_e.id = asm.employee_id AND asm_e.active = 1
                   WHERE asm.store_id = ${storeColumn}${exceptColumn ? ` AND asm.employee_id <> ${exceptColumn}` : ''})`;
}

/** SQL: whether the region in `regionColumn` has an active regional manager (other than the employee in `exceptColumn`). */
export function activeRegionalManagerOf(regionColumn: string, exceptColumn?: string): string {
  return `EXISTS (SELECT 1 FROM region_managers arm JOIN employees arm_e ON arm_e.id = arm.employee_id AND arm_e.active = 1
                   WHERE arm.region_id = ${regionColumn}${exceptColumn ? ` AND arm.employee_id <> ${exceptColumn}` : ''})`;
}

/** SQL: whether the store in `storeColumn` has people working in it but no active store manager: its stand-ins get its digest. */
export function storeWithoutManager(storeColumn: string): string {
  return `NOT ${activeStoreManagerOf(storeColumn)}
          AND EXISTS (SELECT 1 FROM employees staff WHERE staff.store_id = ${storeColumn} AND staff.active = 1)`;
}

export function standInOf(storeManaged: boolean, regionManaged: boolean): StandIn | null {
  if (storeManaged) return null;
  return regionManaged ? 'REGIONAL_MANAGER' : 'HR';
}

/** Why a stand-in is told, as their email and HR's notifications list give it. */
export function standInReason(standIn: StandIn, storeNames: string[], regionNames: string[]): string {
  const stores = storeNames.join(', ');
  const regions = [...new Set(regionNames)].join(', ');
  return standIn === 'REGIONAL_MANAGER'
    ? `No active store manager at ${stores} to tell, so the regional managers of ${regions} are told`
    : `No active store manager at ${stores} nor regional manager of ${regions} to tell, so HR is told`;
}

/** Who to tell about an employee's overdue work, and why when they stand in for the store's managers. */
export interface EscalationRecipients {
  recipientIds: number[];
  reason: string | null;
}

/**
 * By employee id: the active managers of their store; for a store without one (an employee
 * who manages their own store is not their own manager here) the regional managers of its
 * region; without those, everyone active in HR. Nobody is told of their own work.
 */
export async function escalationRecipientsOf(
  manager: EntityManager,
  employeeIds: number[],
): Promise<Map<number, EscalationRecipients>> {
  const recipients = new Map<number, EscalationRecipients>();
  if (employeeIds.length === 0) return recipients;
  const rows = (await manager.query(
    `SELECT e.id AS employee_id, s.name AS store_name, r.name AS region_name,
            sm.employee_id AS store_manager_id, rm.employee_id AS regional_manager_id
       FROM employees e
       JOIN stores s ON s.id = e.store_id
       JOIN regions r ON r.id = s.region_id
       LEFT JOIN (store_managers sm JOIN employees m ON m.id = sm.employee_id AND m.active = 1)
         ON sm.store_id = e.store_id AND sm.employee_id <> e.id
       LEFT JOIN (region_managers rm JOIN employees rme ON rme.id = rm.employee_id AND rme.active = 1)
         ON rm.region_id = s.region_id AND rm.employee_id <> e.id AND sm.employee_id IS NULL
      WHERE e.id IN (?)
      ORDER BY sm.employee_id, rm.employee_id`,
    [[...new Set(employeeIds)]],
  )) as {
    employee_id: number;
    store_name: string;
    region_name: string;
    store_manager_id: number | null;
    regional_manager_id: number | null;
  }[];
  const byEmployee = new Map<number, typeof rows>();
  for (const row of rows)
    byEmployee.set(Number(row.employee_id), [...(byEmployee.get(Number(row.employee_id)) ?? []), row]);
  let hr: number[] | undefined;
  for (const [employeeId, own] of byEmployee) {
    const storeManagers = ids(own.map((row) => row.store_manager_id));
    const regionalManagers = ids(own.map((row) => row.regional_manager_id));
    const standIn = standInOf(storeManagers.length > 0, regionalManagers.length > 0);
    if (standIn === 'HR') hr ??= await activeHr(manager);
    recipients.set(employeeId, {
      recipientIds:
        standIn === null
          ? storeManagers
          : standIn === 'REGIONAL_MANAGER'
            ? regionalManagers
            : hr!.filter((id) => id !== employeeId),
      reason: standIn && standInReason(standIn, [own[0].store_name], [own[0].region_name]),
    });
  }
  return recipients;
}

/** Everyone active in HR, for the stores and regions nobody else answers for. */
async function activeHr(manager: EntityManager): Promise<number[]> {
  const rows = (await manager.query('SELECT id FROM employees WHERE role = ? AND active = 1 ORDER BY id', [
    Role.HR,
  ])) as { id: number }[];
  return rows.map((row) => Number(row.id));
}

function ids(values: (number | null)[]): number[] {
  return [...new Set(values.filter((id) => id !== null).map(Number))];
}
