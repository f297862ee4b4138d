import type { Command } from 'commander';
import { AppConfig, readConfig } from '@lp/core';
import { DemoSeeder } from '@lp/demo';
import { migrateDatabase, withCliContext } from '../cli-context';
import { seedCurriculum } from './seed-curriculum.command';

/** Loads the demo chain when the database has no employees yet; refuses in production. */
export async function seedDemoIfEmpty(log: (line: string) => void = console.log): Promise<boolean> {
  if (readConfig(AppConfig).isProduction) {
    throw new Error('Demo data is never loaded in production (NODE_ENV=production).');
  }
  return withCliContext(async (context) => {
    const seeder = context.get(DemoSeeder);
    if (!(await seeder.isDatabaseEmpty())) return false;
    const summary = await seeder.seed((step) => log(`  loading demo ${step}…`));
    log(
      `Demo chain loaded: ${summary.regions} regions, ${summary.stores} stores, ${summary.employees} employees, ` +
        `${summary.assignments} training assignments, ${summary.certificates} certificates.`,
    );
    return true;
  });
}

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description('load the demo chain, with training in every state, into an empty database (never in production)')
    .action(async () => {
      await migrateDatabase();
      await seedCurriculum(console.log, false);
      if (!(await seedDemoIfEmpty())) console.log('The database already has people in it; demo data was not loaded.');
    });
}
