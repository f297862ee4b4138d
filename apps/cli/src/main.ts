import 'reflect-metadata';
import { Command } from 'commander';
import { AppError, CLI_ENTRY, COMPOSE_CLI_ENTRY, exitOnStartupFailure, loadEnvFile } from '@lp/core';
import { CurriculumError } from '@lp/learning';
import { registerCreateAdmin } from './commands/create-admin.command';
import { registerMigrate } from './commands/migrate.command';
import { registerSeedCurriculum } from './commands/seed-curriculum.command';
import { registerSeedDemo } from './commands/seed-demo.command';
import { registerSendTestEmail } from './commands/send-test-email.command';
import { registerSnapshotsBackfill } from './commands/snapshots-backfill.command';
import { registerStart } from './commands/start.command';

// Named as it is run, so the usage lines are right in a checkout and in the Docker image; the
// compose form goes after the help, where commander does not wrap it.
const program = new Command(CLI_ENTRY)
  .description('LP Academy operator commands')
  .addHelpText('after', `\nWith Docker compose:\n  ${COMPOSE_CLI_ENTRY} <command> [options]`)
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
