import { DataSource, type Migration } from 'typeorm';
import { cliCommand } from '../cli-command';

/** The command that applies the migrations, in a checkout and in the Docker image alike. */
export const MIGRATE_COMMAND = cliCommand('migrate');

/** Thrown at start-up when the database is behind the code. */
export class PendingMigrationsError extends Error {
  constructor(names: string[]) {
    super(
      `The database has ${names.length} pending migration(s): ${names.join(', ')}. ` +
        `Apply them with ${MIGRATE_COMMAND}, then start again.`,
    );
    this.name = 'PendingMigrationsError';
  }
}

export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = new Set(
    (await dataSource.query('SELECT name FROM migrations').catch(() => [])).map((row: { name: string }) => row.name),
  );
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}

export async function assertNoPendingMigrations(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
}

/** How long a process waits for another one's migration before it gives up. */
const MIGRATION_LOCK_WAIT_SECONDS = 600;

/** Thrown when another process has been migrating the same database for too long. */
export class MigrationLockTimeoutError extends Error {
  constructor() {
    super(
      `Another process has been migrating this database for ${MIGRATION_LOCK_WAIT_SECONDS / 60} minutes. ` +
        'Wait for it to finish (SHOW PROCESSLIST shows it), then start again.',
    );
    this.name = 'MigrationLockTimeoutError';
  }
}

/**
 * Applies the pending migrations holding a MySQL named lock on the database, so processes
 * that start together (API replicas with --migrate, `npm start`) migrate one after the
 * other and the later ones find nothing to do; unlocked, two would run one migration twice.
 * The lock belongs to one connection and is released on it, never left in the pool.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<Migration[]> {
  const lockName = "LEFT(CONCAT('lp-academy-migrations:', DATABASE()), 64)";
  const runner = dataSource.createQueryRunner();
  try {
    const [{ acquired }] = await runner.query(`SELECT GET_LOCK(${lockName}, ?) AS acquired`, [
      MIGRATION_LOCK_WAIT_SECONDS,
    ]);
    if (Number(acquired) !== 1) throw new MigrationLockTimeoutError();
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${lockName})`);
    }
  } finally {
    await runner.release();
  }
}
