import { DataSource, type Migration } from 'typeorm';

/**
 * The command that applies the migrations, for messages that can show in a checkout and in the
 * Docker image alike: the image has the compiled CLI but neither the sources nor the build
 * tools that `npm run migration:run` (which builds first) needs.
 */
export const MIGRATE_COMMAND =
  '`node dist/apps/cli/src/main.js migrate` (with Docker compose: ' +
  '`docker compose -f docker/compose.yaml run --rm api node dist/apps/cli/src/main.js migrate`)';

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
 * `progress` is told before any wait and any work, each of which may take minutes.
 */
export async function runMigrationsExclusively(
  dataSource: DataSource,
  progress: (line: string) => void = () => undefined,
): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  const lockName = "LEFT(CONCAT('lp-academy-migrations:', DATABASE()), 64)";
  const lock = async (seconds: number) =>
    Number((await runner.query(`SELECT GET_LOCK(${lockName}, ?) AS acquired`, [seconds]))[0].acquired) === 1;
  try {
    if (!(await lock(0))) {
      progress(
        `Another process is migrating this database; waiting for it to finish (at most ${MIGRATION_LOCK_WAIT_SECONDS / 60} minutes)…`,
      );
      if (!(await lock(MIGRATION_LOCK_WAIT_SECONDS))) throw new MigrationLockTimeoutError();
    }
    try {
      const pending = await pendingMigrations(dataSource);
      if (pending.length > 0) progress(`Applying ${pending.length} migration(s): ${pending.join(', ')}…`);
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${lockName})`);
    }
  } finally {
    await runner.release();
  }
}
