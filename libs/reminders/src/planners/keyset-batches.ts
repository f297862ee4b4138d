/** Where the previous batch ended: the last row's ordering date and id. */
export interface KeysetPosition {
  at: Date;
  id: number;
}

/**
 * Yields a query's rows a batch at a time with keyset pagination on (date, id), so each
 * batch is read through the index instead of by an ever larger OFFSET. `readAfter` returns
 * up to `batchSize` rows ordered by (date, id) after `position`, or from the start on null.
 */
export async function* keysetBatches<Row extends { id: number }>(
  batchSize: number,
  readAfter: (position: KeysetPosition | null) => Promise<Row[]>,
  orderingDateOf: (row: Row) => Date,
): AsyncGenerator<Row[]> {
  let position: KeysetPosition | null = null;
  for (;;) {
    const rows = await readAfter(position);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    position = { at: orderingDateOf(last), id: last.id };
  }
}

/** The condition "after this position" on (column, id) and its parameters; true on null. */
export function afterPosition(column: string, idColumn: string, position: KeysetPosition | null) {
  return {
    sql: `(? IS NULL OR ${column} > ? OR (${column} = ? AND ${idColumn} > ?))`,
    params: [position?.at ?? null, position?.at ?? null, position?.at ?? null, position?.id ?? 0],
  };
}
