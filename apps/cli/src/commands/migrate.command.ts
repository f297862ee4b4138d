import type { Command } from 'commander';
import { migrateDatabase } from '../cli-context';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .summary('create the database if missing and migrate it')
    .description('create the database if missing and apply pending migrations')
    .action(async () => {
      const applied = await migrateDatabase();
      console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migration(s).`);
    });
}
