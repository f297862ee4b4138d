import { DataSource } from 'typeorm';

/** Thrown at start-up when the database is behind the code. */
export class PendingMigrationsError extends Error {
  constructor(names: string[]) {
    super(
      `The database has ${names.length} pending migration(s): ${names.join(', ')}. ` +
        'Run `npm run migration:run` (or `npm start`, which migrates first), then start again.',
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
