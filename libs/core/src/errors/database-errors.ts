/** MySQL/MariaDB error numbers the domain code reacts to. */
const ER_DUP_ENTRY = 1062;
const ER_NO_REFERENCED_ROW_2 = 1452;
/** InnoDB rolled back the statement's transaction to break a deadlock. */
const ER_LOCK_DEADLOCK = 1213;
/** A statement stopped by its time limit: MySQL's MAX_EXECUTION_TIME, MariaDB's max_statement_time. */
const ER_QUERY_TIMEOUT = 3024;
const ER_STATEMENT_TIMEOUT = 1969;

function errno(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate =
    (error as { errno?: unknown; driverError?: { errno?: unknown } }).errno ??
    (error as { driverError?: { errno?: unknown } }).driverError?.errno;
  return typeof candidate === 'number' ? candidate : undefined;
}

export function isDuplicateKeyError(error: unknown): boolean {
  return errno(error) === ER_DUP_ENTRY;
}

export function isMissingReferenceError(error: unknown): boolean {
  return errno(error) === ER_NO_REFERENCED_ROW_2;
}

export function isDeadlockError(error: unknown): boolean {
  return errno(error) === ER_LOCK_DEADLOCK;
}

export function isStatementTimeoutError(error: unknown): boolean {
  const code = errno(error);
  return code === ER_QUERY_TIMEOUT || code === ER_STATEMENT_TIMEOUT;
}
