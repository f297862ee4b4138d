import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  DatabaseConfig,
  buildDataSourceOptions,
  ensureDatabaseExists,
  readConfig,
  runMigrationsExclusively,
  validateConfigs,
} from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { CLI_CONFIG, CliModule } from './cli.module';

/** Runs `work` with the application context; the context is closed afterwards, whatever happens. */
export async function withCliContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  validateConfigs(CLI_CONFIG);
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(), { logger: ['error', 'warn'] });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** Creates the database when missing and applies pending migrations; returns their names. */
export async function migrateDatabase(): Promise<string[]> {
  const { DATABASE_URL } = readConfig(DatabaseConfig);
  await ensureDatabaseExists(DATABASE_URL);
  const dataSource = new DataSource(buildDataSourceOptions({ url: DATABASE_URL }, lpSchema));
  await dataSource.initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
