import type { QueryRunner } from 'typeorm';

/** Rows per INSERT: a few thousand keeps statements well under max_allowed_packet and 65,535 placeholders. */
export const BATCH_ROWS = 2000;

export type Row = readonly unknown[];

/**
 * Inserts rows with multi-row INSERT statements of BATCH_ROWS rows each (fewer when the
 * table is wide), values escaped by the driver.
 */
export async function insertRows(runner: QueryRunner, table: string, columns: string[], rows: Row[]): Promise<void> {
  const batch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(60_000 / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    await runner.query(
      `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      chunk.flat(),
    );
  }
}

/** The same rows one INSERT each, autocommitted: what save() in a loop costs. */
export async function insertRowsOneByOne(
  runner: QueryRunner,
  table: string,
  columns: string[],
  rows: Row[],
): Promise<void> {
  const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  for (const row of rows) await runner.query(sql, [...row]);
}
