import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  DatabaseConfig,
  RedisConfig,
  assertDatabaseReachable,
  assertNoPendingMigrations,
  assertRedisReachable,
  buildDataSourceOptions,
  type DatabaseLock,
  ensureDatabaseExists,
  readConfig,
  runMigrationsExclusively,
  validateConfigs,
} from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { CLI_CONFIG, CliModule } from './cli.module';

/**
 * Runs `work` with the application context; the context is closed afterwards, whatever happens.
 * The services are checked first, as the API and the worker check them: otherwise a missing
 * database is retried for half a minute with stack traces, a Redis that is down is waited for
 * forever, and a database never migrated fails on its first missing table.
 */
export async function withCliContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  validateConfigs(CLI_CONFIG);
  await assertDatabaseReachable(readConfig(DatabaseConfig).DATABASE_URL);
  await assertRedisReachable(readConfig(RedisConfig).REDIS_URL);
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(), { logger: ['error', 'warn'] });
  try {
    await assertNoPendingMigrations(context.get(DataSource));
    return await work(context);
  } finally {
    await context.close();
  }
}

/** Creates the database when missing and applies pending migrations, saying what it does; returns their names. */
export async function migrateDatabase(): Promise<string[]> {
  const { DATABASE_URL } = readConfig(DatabaseConfig);
  await ensureDatabaseExists(DATABASE_URL);
  const dataSource = new DataSource(buildDataSourceOptions({ url: DATABASE_URL }, lpSchema));
  await dataSource.initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource, console.log);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Loading the curriculum and the demo data take turns, as migrations do: two `npm start`s at
 * once both found a course missing and both created it, and one died of the deadlock.
 */
export function seedingLock(progress: (line: string) => void): DatabaseLock {
  return { name: 'lp-academy-seeding', activity: 'loading the curriculum or the demo data into', progress };
}
