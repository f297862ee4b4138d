import { DataSource, type Migration } from 'typeorm';
import { cliCommand } from '../cli-command';
import { withDatabaseLock } from './database-lock';
import { runJournaledMigrations } from './migration-journal';

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

/**
 * Applies the pending migrations, one process at a time (withDatabaseLock): unlocked, two
 * processes that start together would run one migration twice. `progress` is told before
 * any wait and any work, each of which may take minutes. A migration that fails part-way is
 * carried on from where it stopped by the next run (runJournaledMigrations).
 */
export function runMigrationsExclusively(
  dataSource: DataSource,
  progress: (line: string) => void = () => undefined,
): Promise<Migration[]> {
  return withDatabaseLock(dataSource, { name: 'lp-academy-migrations', activity: 'migrating', progress }, async () => {
    const pending = await pendingMigrations(dataSource);
    if (pending.length === 0) return [];
    progress(`Applying ${pending.length} migration(s): ${pending.join(', ')}…`);
    return runJournaledMigrations(dataSource, progress);
  });
}
