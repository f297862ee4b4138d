import 'reflect-metadata';
import { Command } from 'commander';
import { AppError, exitOnStartupFailure, loadEnvFile } from '@lp/core';
import { CurriculumError } from '@lp/learning';
import { registerCreateAdmin } from './commands/create-admin.command';
import { registerMigrate } from './commands/migrate.command';
import { registerSeedCurriculum } from './commands/seed-curriculum.command';
import { registerSeedDemo } from './commands/seed-demo.command';
import { registerSendTestEmail } from './commands/send-test-email.command';
import { registerSnapshotsBackfill } from './commands/snapshots-backfill.command';
import { registerStart } from './commands/start.command';

const program = new Command('lp-academy')
  .description('LP Academy operator commands: npm run cli -- <command> [options]')
  .showHelpAfterError()
  .hook('preAction', () => {
    loadEnvFile();
  });

registerStart(program);
registerMigrate(program);
registerCreateAdmin(program);
registerSeedCurriculum(program);
registerSeedDemo(program);
registerSendTestEmail(program);
registerSnapshotsBackfill(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof CurriculumError) {
    console.error(error.message);
    process.exit(1);
  }
  exitOnStartupFailure(error);
});
