/**
 * Rows per statement for bulk reads and writes: well under max_allowed_packet and the
 * placeholder limits, few round trips — and ids per `IN (?)` list. From 1,000 values
 * (in_predicate_conversion_threshold) MariaDB turns an IN list into a derived table it joins
 * against, and the plan then rests on the optimizer's choices: reconciling an import's 5,000
 * hires once scanned all of assignments. Under it the list stays a range on the index, on
 * MariaDB and MySQL alike, whatever the ids; ten statements of 500 cost what one of 5,000 does.
 * (assignCourse's own list of up to 5,000 people stays one: it names rows by primary key,
 * which the derived table joins on too, and its statements must see the same people.)
 */
export const ROWS_PER_STATEMENT = 500;

/** `items` in slices of `size`, one statement's worth each. */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
