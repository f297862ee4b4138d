import type { EntityManager } from 'typeorm';
import { OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { afterPosition, keysetBatches, parseJsonColumn } from '@lp/core';
import type { RecipientStore } from '@lp/notifications';

/** An open assignment of an active employee, with what its reminders show. */
export interface OpenAssignmentRow {
  id: number;
  employeeId: number;
  employeeName: string;
  /** Where the employee works: their reminders keep its office hours. */
  employeeStore: RecipientStore;
  dueAt: Date;
  courseTitle: string;
  /** The programme's offsets when a programme made the assignment, else null. */
  offsetsDays: number[] | null;
}

interface RawRow {
  id: number;
  employee_id: number;
  first_name: string;
  last_name: string;
  store_id: number;
  timezone: string;
  due_at: Date;
  title: string;
  offsets: unknown;
}

/**
 * Yields open assignments due in (from, to], a batch at a time, one status after the
 * other: with the status fixed, the (status, due_at) index returns them in (due_at, id)
 * order, so each batch reads its own rows only.
 */
export async function* openAssignmentsDueBetween(
  manager: EntityManager,
  from: Date,
  to: Date,
  batchSize: number,
): AsyncGenerator<OpenAssignmentRow[]> {
  for (const status of OPEN_ASSIGNMENT_STATUSES) {
    yield* keysetBatches(
      batchSize,
      async (position) => {
        const after = afterPosition('a.due_at', 'a.id', position);
        // STRAIGHT_JOIN keeps the tables in the order written: with the stores joined,
        // MariaDB would start from them and sort the window's every open assignment for
        // each batch (ten times slower on a 2,000-store chain).
        const rows = (await manager.query(
          `SELECT STRAIGHT_JOIN a.id, a.employee_id, e.first_name, e.last_name, e.store_id, s.timezone, a.due_at, co.title,
                  p.reminder_offsets_days AS offsets
             FROM assignments a
             JOIN employees e ON e.id = a.employee_id AND e.active = 1
             JOIN stores s ON s.id = e.store_id
             JOIN courses co ON co.id = a.course_id
             LEFT JOIN certification_programs p ON p.id = a.program_id
            WHERE a.status = ? AND a.due_at > ? AND a.due_at <= ?
              AND ${after.sql}
            ORDER BY a.due_at, a.id
            LIMIT ?`,
          [status, from, to, ...after.params, batchSize],
        )) as RawRow[];
        return rows.map((row) => ({
          id: Number(row.id),
          employeeId: Number(row.employee_id),
          employeeName: `${row.first_name} ${row.last_name}`,
          employeeStore: { storeId: Number(row.store_id), timezone: row.timezone },
          dueAt: row.due_at,
          courseTitle: row.title,
          offsetsDays: parseJsonColumn<number[]>(row.offsets),
        }));
      },
      (assignment) => assignment.dueAt,
    );
  }
}
