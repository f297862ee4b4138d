import { type CsvError, parse } from 'csv-parse/sync';

/** The product's sizing: a chain of 100,000 employees fits in one file. */
export const MAX_IMPORT_ROWS = 100_000;

/** Longer than any legitimate line; stops a file without line breaks from becoming one huge record. */
const MAX_RECORD_CHARS = 4_000;

export interface ImportLineError {
  /** The line of the file, counting the header as line 1. */
  line: number;
  message: string;
}

/** One line of an import file with the right number of columns, all of them text as decoded. */
export interface CsvImportRecord {
  line: number;
  fields: string[];
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A value of the file as an error message shows it: quoted, and cut short if long. */
export function quotedValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function headerError(csv: string, columns: readonly string[]): ImportLineError | undefined {
  const expected = columns.join(',');
  let header: string[] | undefined;
  try {
    [header] = parse(csv, { bom: true, to_line: 1, trim: true, max_record_size: MAX_RECORD_CHARS }) as string[][];
  } catch {
    header = undefined;
  }
  const found = header?.map((column) => column.toLowerCase()).join(',');
  if (found === expected) return undefined;
  return {
    line: 1,
    message:
      `the first line must be the header ${expected}` + (header ? `; found ${quotedValue(header.join(','))}` : ''),
  };
}

/** The line's problem with its shape or encoding, before its values are looked at. */
function shapeError(line: number, fields: string[], columns: readonly string[]): ImportLineError | undefined {
  if (fields.length !== columns.length) {
    return { line, message: `expected ${columns.length} columns, found ${fields.length}` };
  }
  // A file in another encoding (Excel's plain "CSV" is Windows-1252) reaches the API with its
  // accented letters turned into U+FFFD by whoever decoded it as UTF-8: names would be stored mangled.
  const undecoded = columns.filter((_, index) => fields[index].includes('\uFFFD'));
  if (undecoded.length === 0) return undefined;
  return {
    line,
    message: `not UTF-8 text in ${undecoded.join(', ')} (shown as \uFFFD): save the file as “CSV UTF-8” and import it again`,
  };
}

/**
 * Reads an import file (RFC 4180: commas, double quotes, CRLF, LF or CR, optional UTF-8
 * BOM) into its lines, numbered as a text editor does, and the lines it cannot read. The
 * header must be `columns` (any case); a wrong one stops at line 1, since whatever follows
 * could not be interpreted. Blank lines are skipped. `noun` names what a line is, for the
 * size limit's message.
 */
export function readCsvImport(
  csv: string,
  columns: readonly string[],
  noun: string,
): { records: CsvImportRecord[]; errors: ImportLineError[] } {
  // csv-parse counts every CR and every LF inside quotes as a line, so a quoted CRLF counted
  // twice and shifted every later line number. With LF alone its count is a text editor's.
  const text = csv.replace(/\r\n?/g, '\n');
  const wrongHeader = headerError(text, columns);
  if (wrongHeader) return { records: [], errors: [wrongHeader] };

  const errors: ImportLineError[] = [];
  const parsed = parse(text, {
    bom: true,
    from_line: 2,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) errors.push({ line: Number(error.lines), message: `not valid CSV: ${error.message.split(':')[0]}` });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];

  if (parsed.length > MAX_IMPORT_ROWS) {
    return {
      records: [],
      errors: [{ line: MAX_IMPORT_ROWS + 2, message: `a file may hold at most ${MAX_IMPORT_ROWS} ${noun}` }],
    };
  }

  const records: CsvImportRecord[] = [];
  for (const { record, info } of parsed) {
    // info.lines is where the record ends; a quoted field with line breaks starts earlier.
    const line = info.lines - record.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0);
    const wrongShape = shapeError(line, record, columns);
    if (wrongShape) errors.push(wrongShape);
    else records.push({ line, fields: record });
  }
  return { records, errors };
}
