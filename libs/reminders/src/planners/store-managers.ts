import type { EntityManager } from 'typeorm';

/**
 * The active managers of each employee's store, by employee id; an employee who manages
 * their own store is not their own manager here.
 */
export async function storeManagersOf(manager: EntityManager, employeeIds: number[]): Promise<Map<number, number[]>> {
  const managers = new Map<number, number[]>();
  if (employeeIds.length === 0) return managers;
  const rows = (await manager.query(
    `SELECT e.id AS employee_id, sm.employee_id AS manager_id
       FROM employees e
       JOIN store_managers sm ON sm.store_id = e.store_id
       JOIN employees m ON m.id = sm.employee_id AND m.active = 1
      WHERE e.id IN (?) AND sm.employee_id <> e.id
      ORDER BY sm.employee_id`,
    [[...new Set(employeeIds)]],
  )) as { employee_id: number; manager_id: number }[];
  for (const row of rows) {
    const list = managers.get(Number(row.employee_id)) ?? [];
    list.push(Number(row.manager_id));
    managers.set(Number(row.employee_id), list);
  }
  return managers;
}
