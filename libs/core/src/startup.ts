import { AppConfig, ConfigValidationError, EnvFileError, readConfig } from './config';
import {
  DatabaseLockTimeoutError,
  MigrationFailedError,
  PendingMigrationsError,
  ServiceUnavailableError,
} from './database';
import { PortUnavailableError } from './listen-on-port';

/** Failures whose message already says what is wrong and what to do. */
const EXPLAINED = [
  ServiceUnavailableError,
  PendingMigrationsError,
  MigrationFailedError,
  DatabaseLockTimeoutError,
  EnvFileError,
  PortUnavailableError,
];

function isExplained(error: unknown): boolean {
  return EXPLAINED.some((kind) => error instanceof kind);
}

/** Why a process could not start, one line per problem and never a stack trace. */
export function describeStartupFailure(error: unknown): string[] {
  if (error instanceof ConfigValidationError) return error.problems.map((problem) => `Configuration: ${problem}`);
  if (isExplained(error)) return [(error as Error).message];
  const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return [`Could not start: ${message}. Run again with LOG_LEVEL=debug to see where it failed.`];
}

function wantsStackTraces(): boolean {
  try {
    return ['debug', 'trace'].includes(readConfig(AppConfig).LOG_LEVEL);
  } catch {
    return false;
  }
}

/** Prints why a process could not start (describeStartupFailure) and exits. */
export function exitOnStartupFailure(error: unknown): never {
  for (const line of describeStartupFailure(error)) console.error(line);
  const unexpected = error instanceof Error && !(error instanceof ConfigValidationError) && !isExplained(error);
  if (unexpected && wantsStackTraces()) console.error(error.stack);
  process.exit(1);
}
