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

/** A unique key refused the row; given `key`, that key (by its name) and no other. */
export function isDuplicateKeyError(error: unknown, key?: string): boolean {
  if (errno(error) !== ER_DUP_ENTRY) return false;
  if (key === undefined) return true;
  const message =
    (error as { sqlMessage?: unknown }).sqlMessage ??
    (error as { driverError?: { sqlMessage?: unknown } }).driverError?.sqlMessage;
  // MariaDB names the key alone ('uq_x'), MySQL 8 with its table ('table.uq_x').
  return typeof message === 'string' && new RegExp(`for key '(?:[^']*\\.)?${key}'$`).test(message);
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
