import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * The version in the nearest package.json up from here: the checkout's, from the sources and
 * from dist/ alike, and the Docker image's (importing it would copy it into dist/).
 */
function version(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

// Named as it is run, so the usage lines are right in a checkout and in the Docker image; the
// compose form goes after the help, where commander does not wrap it.
const program = new Command(CLI_ENTRY)
  .description('LP Academy operator commands')
  .version(version(), '-V, --version', 'print the version')
  .addHelpText('after', `\nWith Docker compose:\n  ${COMPOSE_CLI_ENTRY} <command> [options]`)
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

// A mistyped command or option: one line that says where to look, not the whole help after it.
for (const command of [program, ...program.commands]) {
  const help =
    command === program
      ? `\`${CLI_ENTRY} --help\` lists the commands`
      : `\`${CLI_ENTRY} ${command.name()} --help\` lists its options`;
  command.configureOutput({
    outputError: (message, write) =>
      write(
        `${message
          .trim()
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\.$/, '')}; ${help}.\n`,
      ),
  });
}

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
