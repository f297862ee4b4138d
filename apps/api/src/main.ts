import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  assertSafeForProduction,
  exitOnStartupFailure,
  listenOnPort,
  loadEnvFile,
  stopWhenLauncherGoes,
  DatabaseConfig,
  RedisConfig,
  assertNoPendingMigrations,
  assertRedisReachable,
  ensureDatabaseExists,
  readConfig,
  runMigrationsExclusively,
  validateConfigs,
} from '@lp/core';
import { API_CONFIG } from './app.module';
import { createApi } from './create-api';

async function bootstrap(): Promise<void> {
  stopWhenLauncherGoes();
  loadEnvFile();
  validateConfigs(API_CONFIG);
  const config = readConfig(AppConfig);
  assertSafeForProduction(config);
  await ensureDatabaseExists(readConfig(DatabaseConfig).DATABASE_URL);
  await assertRedisReachable(readConfig(RedisConfig).REDIS_URL);

  const app = await createApi();
  const dataSource = app.get(DataSource);
  if (process.argv.includes('--migrate')) await runMigrationsExclusively(dataSource, console.log);
  await assertNoPendingMigrations(dataSource);
  await app.init();
  await listenOnPort(app.getHttpServer(), config.PORT, 'PORT');
  console.log(
    `LP Academy API on http://localhost:${config.PORT}/graphql` +
      (config.isProduction ? '' : ` — GraphiQL at http://localhost:${config.PORT}/graphiql`),
  );
}

bootstrap().catch(exitOnStartupFailure);
