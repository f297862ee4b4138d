import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { AppConfig, readConfig, withDatabaseLock } from '@lp/core';
import { DemoSeeder } from '@lp/demo';
import { migrateDatabase, seedingLock, withCliContext } from '../cli-context';
import { seedCurriculum } from './seed-curriculum.command';

const NEVER_IN_PRODUCTION =
  'Demo data is never loaded in production (NODE_ENV=production): load it into a development or test installation.';

/** Loads the demo chain when the database has no employees yet; refuses in production. */
export async function seedDemoIfEmpty(log: (line: string) => void = console.log): Promise<boolean> {
  if (readConfig(AppConfig).isProduction) throw new Error(NEVER_IN_PRODUCTION);
  return withCliContext((context) =>
    withDatabaseLock(context.get(DataSource), seedingLock(log), async () => {
      const seeder = context.get(DemoSeeder);
      if (!(await seeder.isDatabaseEmpty())) return false;
      const summary = await seeder.seed((step) => log(`  loading demo ${step}…`));
      log(
        `Demo chain loaded: ${summary.regions} regions, ${summary.stores} stores, ${summary.employees} employees, ` +
          `${summary.assignments} training assignments, ${summary.certificates} certificates.`,
      );
      return true;
    }),
  );
}

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .summary('load the demo chain into an empty database')
    .description('load the demo chain, with training in every state, into an empty database (never in production)')
    .action(async () => {
      // Before migrating: a production database is left exactly as it was.
      if (readConfig(AppConfig).isProduction) {
        console.error(NEVER_IN_PRODUCTION);
        process.exitCode = 1;
        return;
      }
      await migrateDatabase();
      await seedCurriculum(console.log, false);
      if (!(await seedDemoIfEmpty())) console.log('The database already has people in it; demo data was not loaded.');
    });
}
