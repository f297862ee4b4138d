/** Where the previous batch ended: the last row's ordering date and id. */
export interface KeysetPosition {
  at: Date;
  id: number;
}

/**
 * Yields a query's rows a batch at a time with keyset pagination on (date, id), so each
 * batch is read through the index instead of by an ever larger OFFSET. `readAfter` returns
 * up to `batchSize` rows ordered by (date, id) after `position`, or from the start on null.
 * The next batch is read while the caller works on the current one.
 */
export async function* keysetBatches<Row extends { id: number }>(
  batchSize: number,
  readAfter: (position: KeysetPosition | null) => Promise<Row[]>,
  orderingDateOf: (row: Row) => Date,
): AsyncGenerator<Row[]> {
  let next = readAfter(null);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const more = rows.length === batchSize;
    if (more) {
      const last = rows[rows.length - 1];
      next = readAfter({ at: orderingDateOf(last), id: last.id });
      // Awaited on the next turn; if the caller stops before, its failure must not go unhandled.
      next.catch(() => undefined);
    }
    yield rows;
    if (!more) return;
  }
}

/**
 * The condition "after this position" on (column, id) and its parameters; true on null.
 * Written as a range start (`column >= ?`) the index can seek to: with an OR alone the
 * optimizer scans from the query's own lower bound every batch, so the run grows with the
 * square of the rows (minutes on a 100,000-employee chain).
 */
export function afterPosition(column: string, idColumn: string, position: KeysetPosition | null) {
  if (!position) return { sql: 'TRUE', params: [] };
  return {
    sql: `${column} >= ? AND (${column} > ? OR ${idColumn} > ?)`,
    params: [position.at, position.at, position.id],
  };
}
