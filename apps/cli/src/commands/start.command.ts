import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  AppConfig,
  DatabaseConfig,
  GraphqlConfig,
  HttpConfig,
  RedisConfig,
  SERVICE_NODE_FLAGS,
  assertRedisReachable,
  assertSafeForProduction,
  ensureDatabaseExists,
  readConfig,
  validateConfigs,
  WebConfig,
  WorkerConfig,
} from '@lp/core';
import { NotificationsConfig } from '@lp/notifications';
import { RemindersConfig } from '@lp/reminders';
import { SnapshotsConfig } from '@lp/reporting';
import { CLI_CONFIG } from '../cli.module';
import { migrateDatabase } from '../cli-context';
import { seedCurriculum } from './seed-curriculum.command';
import { seedDemoIfEmpty } from './seed-demo.command';

const DIST = join(__dirname, '..', '..', '..', '..');

/**
 * What the CLI, the API and the worker read: checked before the database is migrated, so a
 * wrong setting stops `start` at once instead of failing a child after the migration.
 */
export const START_CONFIG = [
  ...CLI_CONFIG,
  HttpConfig,
  GraphqlConfig,
  WebConfig,
  SnapshotsConfig,
  NotificationsConfig,
  WorkerConfig,
  RemindersConfig,
];

/**
 * Children run in their own process group so that a terminal's Ctrl-C reaches only this
 * process, which then sends each child one SIGTERM: a second signal would cut Nest's
 * graceful shutdown short. Their IPC channel closes when this process dies however it dies
 * (SIGKILL included), and they stop then (stopWhenLauncherGoes).
 */
function launch(name: string, script: string): ChildProcess {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(DIST, script)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  child.on('error', (error) => console.error(`[${name}] could not start: ${error.message}`));
  return child;
}

/**
 * The whole system in the foreground: checks the services, creates and migrates the
 * database, loads the built-in curriculum (idempotent, so on every start), loads the demo
 * chain into an empty database, then runs the API and the worker.
 * Ctrl-C, SIGTERM or SIGHUP (the terminal closed) stops both gracefully; if one dies, the
 * other is stopped too.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .summary('migrate, seed, and run the API and the worker')
    .description('migrate, load the curriculum, load demo data into an empty database, and run the API and the worker')
    .action(async () => {
      validateConfigs(START_CONFIG);
      const config = readConfig(AppConfig);
      // As the API would refuse it, but before the database is created, migrated and seeded.
      assertSafeForProduction(config);
      await ensureDatabaseExists(readConfig(DatabaseConfig).DATABASE_URL);
      await assertRedisReachable(readConfig(RedisConfig).REDIS_URL);
      await migrateDatabase();
      await seedCurriculum(console.log, false);
      if (config.DEMO_DATA && !config.isProduction) await seedDemoIfEmpty();

      const children = [launch('api', 'apps/api/src/main.js'), launch('worker', 'apps/worker/src/main.js')];
      let stopping = false;
      let failed = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        console.log('Stopping the API and the worker…');
        for (const child of children) if (child.exitCode === null) child.kill(signal);
      };
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop('SIGTERM'));
      const codes = await Promise.all(
        children.map(
          (child) =>
            new Promise<number>((resolve) =>
              child.on('exit', (code) => {
                if (!stopping) {
                  failed = true;
                  console.error('A process stopped unexpectedly; stopping the others.');
                  stop('SIGTERM');
                }
                resolve(code ?? 0);
              }),
            ),
        ),
      );
      process.exitCode = failed || codes.some((code) => code !== 0) ? 1 : 0;
    });
}
