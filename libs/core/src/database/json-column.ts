/** Stored JSON comes back as text from MariaDB (JSON is LONGTEXT there) and parsed from MySQL. */
export function parseJsonColumn<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}
