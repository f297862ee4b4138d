import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { spreadsheetSafe } from './spreadsheet-safe';

export interface CsvColumn {
  /** The column of the SQL row. */
  key: string;
  header: string;
}

/**
 * Turns a stream of SQL rows into CSV text as it arrives (never the whole file in memory):
 * a header row, RFC 4180 quoting and CRLF line ends, ISO-8601 dates, and text cells made
 * safe to open in a spreadsheet. A failing row stream fails the CSV stream.
 */
export function csvFile(rows: Readable, columns: CsvColumn[]): Readable {
  const csv = stringify({
    header: true,
    columns,
    record_delimiter: 'windows',
    cast: {
      date: (value) => value.toISOString(),
      string: (value) => spreadsheetSafe(value),
    },
  });
  rows.once('error', (error) => csv.destroy(error));
  csv.once('close', () => rows.destroy());
  return rows.pipe(csv);
}
