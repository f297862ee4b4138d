/** MySQL/MariaDB error numbers the domain code reacts to. */
const ER_DUP_ENTRY = 1062;
const ER_NO_REFERENCED_ROW_2 = 1452;

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
