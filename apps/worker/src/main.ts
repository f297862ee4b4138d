import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  DatabaseConfig,
  exitOnStartupFailure,
  listenOnPort,
  loadEnvFile,
  stopWhenLauncherGoes,
  RedisConfig,
  WorkerConfig,
  assertDatabaseReachable,
  assertNoPendingMigrations,
  assertRedisReachable,
  readConfig,
  validateConfigs,
} from '@lp/core';
import { createWorker } from './create-worker';
import { WORKER_CONFIG } from './worker.module';

async function bootstrap(): Promise<void> {
  stopWhenLauncherGoes();
  loadEnvFile();
  validateConfigs(WORKER_CONFIG);
  await assertDatabaseReachable(readConfig(DatabaseConfig).DATABASE_URL);
  await assertRedisReachable(readConfig(RedisConfig).REDIS_URL);
  const app = await createWorker();
  await assertNoPendingMigrations(app.get(DataSource));
  const { WORKER_PORT } = readConfig(WorkerConfig);
  // The health port first: initialising starts the BullMQ workers, and a port in use must
  // stop this process before it has taken a job.
  await listenOnPort(app.getHttpServer(), WORKER_PORT, 'WORKER_PORT');
  await app.init();
  console.log(`LP Academy worker running — health on http://localhost:${WORKER_PORT}/health`);
}

bootstrap().catch(exitOnStartupFailure);
