import type { DataSource } from 'typeorm';

/** How long a process waits for another one holding the same lock before it gives up. */
const LOCK_WAIT_SECONDS = 600;

/** Thrown when another process has held a database lock for too long. */
export class DatabaseLockTimeoutError extends Error {
  constructor(activity: string) {
    super(
      `Another process has been ${activity} this database for ${LOCK_WAIT_SECONDS / 60} minutes. ` +
        'Wait for it to finish (SHOW PROCESSLIST shows it), then start again.',
    );
    this.name = 'DatabaseLockTimeoutError';
  }
}

export interface DatabaseLock {
  /** Names the lock, with the database's name after it: `lp-academy-migrations`. */
  name: string;
  /** What the holder is doing, to say so: "migrating" (…this database). */
  activity: string;
  /** Told once when another process holds the lock, before this one waits for it. */
  progress?: (line: string) => void;
}

/**
 * Runs `work` holding a MySQL named lock on the database, so processes that do the same
 * thing at once (API replicas with --migrate, two `npm start`s) take turns and the later
 * ones find it done. The lock belongs to one connection and is released on it, never left
 * in the pool.
 */
export async function withDatabaseLock<T>(
  dataSource: DataSource,
  lock: DatabaseLock,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const lockName = "LEFT(CONCAT(?, ':', DATABASE()), 64)";
  const acquire = async (seconds: number) =>
    Number((await runner.query(`SELECT GET_LOCK(${lockName}, ?) AS acquired`, [lock.name, seconds]))[0].acquired) === 1;
  try {
    if (!(await acquire(0))) {
      lock.progress?.(
        `Another process is ${lock.activity} this database; waiting for it to finish (at most ${LOCK_WAIT_SECONDS / 60} minutes)…`,
      );
      if (!(await acquire(LOCK_WAIT_SECONDS))) throw new DatabaseLockTimeoutError(lock.activity);
    }
    try {
      return await work();
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${lockName})`, [lock.name]);
    }
  } finally {
    await runner.release();
  }
}
