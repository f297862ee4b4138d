/** Rows per statement for bulk reads and writes: well under max_allowed_packet and the placeholder limits, few round trips. */
export const ROWS_PER_STATEMENT = 1000;

/** `items` in slices of `size`, one statement's worth each. */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
