import { DataSource } from 'typeorm';
import {
  DatabaseConfig,
  buildDataSourceOptions,
  ensureDatabaseExists,
  readConfig,
  setEnvironment,
  withDatabase,
} from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { seedCurriculum } from '../../apps/cli/src/commands/seed-curriculum.command';
import { truncateAll } from '../../libs/testing/src/database-cleaner';

export const DEFAULT_BENCH_DATABASE = 'lp_bench';

/** A wrong option: the message says it all, no hint about services is needed. */
export class BenchUsageError extends Error {}

/**
 * The bench writes and truncates freely, so from the command line it only ever touches a
 * database named lp_bench…, never the development or test databases.
 */
export function benchDatabaseUrl(name: string): string {
  if (!/^lp_bench[A-Za-z0-9_]*$/.test(name)) {
    throw new BenchUsageError(
      `--database ${name}: the bench only uses databases named lp_bench…, e.g. lp_bench or lp_bench_small`,
    );
  }
  return withDatabase(readConfig(DatabaseConfig).DATABASE_URL, name);
}

export function openDataSource(url: string, poolSize = 4): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions({ url, poolSize }, lpSchema)).initialize();
}

/**
 * Creates and migrates the database, empties it, and loads the built-in curriculum and
 * programmes exactly as `npm run cli -- seed-curriculum` does.
 */
export async function prepareBenchDatabase(url: string, log: (line: string) => void): Promise<void> {
  await ensureDatabaseExists(url);
  const dataSource = await openDataSource(url, 1);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log(`migrations applied: ${applied.length}`);
    await truncateAll(dataSource);
  } finally {
    await dataSource.destroy();
  }
  setEnvironment({ DATABASE_URL: url });
  await seedCurriculum(() => undefined, false);
  log('curriculum and programmes seeded');
}
