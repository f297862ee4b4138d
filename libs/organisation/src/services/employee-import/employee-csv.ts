import { type CsvError, parse } from 'csv-parse/sync';
import { hasControlCharacters } from '@lp/core';
import { isEmailAddress, normaliseEmail } from '../../email';
import { Role, ROLES } from '../../entities/role';

/** The header an import file must start with, in this order. */
export const EMPLOYEE_CSV_COLUMNS = [
  'employee_number',
  'first_name',
  'last_name',
  'email',
  'job_role',
  'store_code',
  'role',
  'hire_date',
] as const;

/** The product's sizing: a chain of 100,000 employees fits in one file. */
export const MAX_IMPORT_ROWS = 100_000;

/** Longer than any legitimate line; stops a file without line breaks from becoming one huge record. */
const MAX_RECORD_CHARS = 4_000;

export interface ImportLineError {
  /** The line of the file, counting the header as line 1. */
  line: number;
  message: string;
}

/** One well-formed line. Empty optional columns are null: "keep what the employee has" (or the default). */
export interface EmployeeCsvRow {
  line: number;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  /** Upper-cased, as job-role codes are stored. */
  jobRoleCode: string;
  storeCode: string;
  role: Role | null;
  hireDate: string | null;
}

export interface ParsedEmployeeCsv {
  rows: EmployeeCsvRow[];
  errors: ImportLineError[];
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function text(column: string, value: string, max: number, problems: string[]): string {
  if (value === '') problems.push(`${column} is empty`);
  else if (value.length > max) problems.push(`${column} is longer than ${max} characters`);
  else if (hasControlCharacters(value)) problems.push(`${column} contains control characters`);
  return value;
}

/** Validates one record's columns; returns the row, or the problems found (all of them, not just the first). */
function toRow(line: number, fields: string[]): EmployeeCsvRow | ImportLineError {
  if (fields.length !== EMPLOYEE_CSV_COLUMNS.length) {
    return { line, message: `expected ${EMPLOYEE_CSV_COLUMNS.length} columns, found ${fields.length}` };
  }
  // A file in another encoding (Excel's plain "CSV" is Windows-1252) reaches the API with its
  // accented letters turned into U+FFFD by whoever decoded it as UTF-8: names would be stored mangled.
  const undecoded = EMPLOYEE_CSV_COLUMNS.filter((_, index) => fields[index].includes('\uFFFD'));
  if (undecoded.length > 0) {
    return {
      line,
      message: `not UTF-8 text in ${undecoded.join(', ')} (shown as \uFFFD): save the file as “CSV UTF-8” and import it again`,
    };
  }
  const [number, first, last, email, jobRole, storeCode, role, hireDate] = fields;
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(number)) {
    problems.push(`employee_number ${quoted(number)} must be 1-32 letters, digits, _ or -`);
  }
  text('first_name', first, 100, problems);
  text('last_name', last, 100, problems);
  if (email !== '' && !isEmailAddress(email)) {
    problems.push(`email ${quoted(email)} is not an email address`);
  }
  if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(jobRole))
    problems.push(`job_role ${quoted(jobRole)} is not a job-role code`);
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(storeCode)) problems.push(`store_code ${quoted(storeCode)} is not a store code`);
  const upperRole = role.toUpperCase();
  if (role !== '' && !ROLES.includes(upperRole as Role)) {
    problems.push(`role ${quoted(role)} must be empty or one of ${ROLES.join(', ')}`);
  }
  if (hireDate !== '' && !isCalendarDate(hireDate)) {
    problems.push(`hire_date ${quoted(hireDate)} is not a date such as 2026-03-01`);
  }
  if (problems.length > 0) return { line, message: problems.join('; ') };
  return {
    line,
    employeeNumber: number,
    firstName: first,
    lastName: last,
    email: email === '' ? null : normaliseEmail(email),
    jobRoleCode: jobRole.toUpperCase(),
    storeCode,
    role: role === '' ? null : (upperRole as Role),
    hireDate: hireDate === '' ? null : hireDate,
  };
}

function headerError(csv: string): ImportLineError | undefined {
  const expected = EMPLOYEE_CSV_COLUMNS.join(',');
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
    message: `the first line must be the header ${expected}` + (header ? `; found ${quoted(header.join(','))}` : ''),
  };
}

/** Flags the second and later lines that repeat an employee number or an email (both unique, case-insensitively). */
function duplicateErrors(rows: EmployeeCsvRow[]): ImportLineError[] {
  const errors: ImportLineError[] = [];
  const numberLines = new Map<string, number>();
  const emailLines = new Map<string, number>();
  for (const row of rows) {
    const number = row.employeeNumber.toUpperCase();
    const firstWithNumber = numberLines.get(number);
    if (firstWithNumber) {
      errors.push({
        line: row.line,
        message: `employee_number ${row.employeeNumber} is also on line ${firstWithNumber}`,
      });
    } else numberLines.set(number, row.line);
    if (!row.email) continue;
    const firstWithEmail = emailLines.get(row.email);
    if (firstWithEmail)
      errors.push({ line: row.line, message: `email ${row.email} is also on line ${firstWithEmail}` });
    else emailLines.set(row.email, row.line);
  }
  return errors;
}

/**
 * Reads an employee CSV (RFC 4180: commas, double quotes, CRLF, LF or CR, optional UTF-8
 * BOM) into rows and per-line errors, without touching the database. A wrong header stops
 * at line 1: whatever follows could not be interpreted. Blank lines are skipped.
 */
export function parseEmployeeCsv(csv: string): ParsedEmployeeCsv {
  // csv-parse counts every CR and every LF inside quotes as a line, so a quoted CRLF counted
  // twice and shifted every later line number. With LF alone its count is a text editor's.
  const text = csv.replace(/\r\n?/g, '\n');
  const wrongHeader = headerError(text);
  if (wrongHeader) return { rows: [], errors: [wrongHeader] };

  const errors: ImportLineError[] = [];
  const records = parse(text, {
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

  if (records.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [{ line: MAX_IMPORT_ROWS + 2, message: `a file may hold at most ${MAX_IMPORT_ROWS} employees` }],
    };
  }

  const rows: EmployeeCsvRow[] = [];
  for (const { record, info } of records) {
    // info.lines is where the record ends; a quoted field with line breaks starts earlier.
    const line = info.lines - record.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0);
    const result = toRow(line, record);
    if ('employeeNumber' in result) rows.push(result);
    else errors.push(result);
  }
  errors.push(...duplicateErrors(rows));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
