import { ConfigValidationError, EnvFileError } from './config';
import { PendingMigrationsError, ServiceUnavailableError } from './database';

/** Prints why a process could not start — one line per problem, no stack for known causes — and exits. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigValidationError) {
    for (const problem of error.problems) console.error(`Configuration: ${problem}`);
  } else if (
    error instanceof ServiceUnavailableError ||
    error instanceof PendingMigrationsError ||
    error instanceof EnvFileError
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
