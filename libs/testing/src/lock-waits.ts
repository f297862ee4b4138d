import type { DataSource } from 'typeorm';

/**
 * Waits (up to 9 s: a loaded machine can take seconds to bring a request to its lock) until
 * at least `count` transactions wait for a lock while running a statement that mentions
 * `table`: the moment a test may close a lock cycle around them. Answers whether they did.
 * InnoDB answers from a cache while it is read more often than every 100 ms, hence the pause.
 */
export async function lockWaitsOn(dataSource: DataSource, table: string, count = 1): Promise<boolean> {
  for (let tries = 0; tries < 60; tries++) {
    const [{ waits }] = (await dataSource.query(
      `SELECT COUNT(*) AS waits FROM information_schema.INNODB_TRX
        WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE ?`,
      [`%${table}%`],
    )) as { waits: string }[];
    if (Number(waits) >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

/** A statement and its parameters. */
export type Statement = [sql: string, params?: unknown[]];

/** What the other transaction locks first, what the request then waits on, and what closes the cycle. */
export interface LockCycle {
  hold: Statement;
  waitsOn: string;
  closeCycle: Statement;
}

/**
 * The cycle around deactivating an employee who has an open programme assignment: the other
 * transaction holds the assignment, which the deactivation locks to cancel it, then asks for
 * the employee, whom the waiting deactivation has locked.
 */
export function deactivationCycle(employeeId: number, assignmentId: number): LockCycle {
  return {
    hold: ['SELECT id FROM assignments WHERE id = ? FOR UPDATE', [assignmentId]],
    waitsOn: 'assignments',
    closeCycle: ['SELECT id FROM employees WHERE id = ? FOR UPDATE', [employeeId]],
  };
}

/**
 * Runs `request` as the victim of a real deadlock, once: another transaction, which has
 * written more rows (so InnoDB rolls back the request's side), first runs `hold`, locking
 * what the request will wait for; once the request waits on `waitsOn`, the other runs
 * `closeCycle`, locking what the request holds, and then rolls back. Answers what the
 * request answered; throws if it never waited, so a test cannot pass without its deadlock.
 */
export async function asDeadlockVictim<T>(
  dataSource: DataSource,
  cycle: LockCycle,
  request: () => Promise<T>,
): Promise<T> {
  const other = dataSource.createQueryRunner();
  try {
    await other.startTransaction();
    await other.query(
      `INSERT INTO audit_events (occurred_at, action, subject_type, subject_id)
       VALUES ${Array(300).fill("(NOW(3), 'PROBE', 'Probe', '0')").join(', ')}`,
    );
    await other.query(...cycle.hold);
    const answer = request();
    const waited = await lockWaitsOn(dataSource, cycle.waitsOn);
    if (waited) await other.query(...cycle.closeCycle);
    await other.rollbackTransaction();
    const answered = await answer;
    if (!waited) throw new Error(`The request never waited on ${cycle.waitsOn}: no lock cycle was closed around it`);
    return answered;
  } finally {
    if (other.isTransactionActive) await other.rollbackTransaction();
    await other.release();
  }
}
