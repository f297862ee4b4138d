import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  ConfigValidationError,
  exitOnStartupFailure,
  DatabaseConfig,
  DEFAULT_JWT_SECRET,
  RedisConfig,
  assertNoPendingMigrations,
  assertRedisReachable,
  ensureDatabaseExists,
  readConfig,
  validateConfigs,
} from '@lp/core';
import { API_CONFIG } from './app.module';
import { createApi } from './create-api';

/** Production refuses development secrets and demo data. */
function assertSafeForProduction(config: AppConfig): void {
  if (!config.isProduction) return;
  const problems: string[] = [];
  if (config.JWT_SECRET === DEFAULT_JWT_SECRET) problems.push('JWT_SECRET: set a secret of your own in production');
  if (config.DEMO_DATA) problems.push('DEMO_DATA: must be false in production');
  if (problems.length > 0) throw new ConfigValidationError(problems);
}

async function bootstrap(): Promise<void> {
  validateConfigs(API_CONFIG);
  const config = readConfig(AppConfig);
  assertSafeForProduction(config);
  await ensureDatabaseExists(readConfig(DatabaseConfig).DATABASE_URL);
  await assertRedisReachable(readConfig(RedisConfig).REDIS_URL);

  const app = await createApi();
  const dataSource = app.get(DataSource);
  if (process.argv.includes('--migrate')) await dataSource.runMigrations({ transaction: 'each' });
  await assertNoPendingMigrations(dataSource);
  await app.listen(config.PORT);
  console.log(
    `LP Academy API on http://localhost:${config.PORT}/graphql` +
      (config.isProduction ? '' : ` — GraphiQL at http://localhost:${config.PORT}/graphiql`),
  );
}

bootstrap().catch(exitOnStartupFailure);
