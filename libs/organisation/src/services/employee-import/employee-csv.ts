import { hasControlCharacters } from '@lp/core';
import { type ImportLineError, isCalendarDate, quotedValue as quoted, readCsvImport } from '../../csv/csv-import';
import { isEmailAddress, normaliseEmail } from '../../email';
import { Role, ROLES } from '../../entities/role';
import { ORGANISATION_CODE } from '../../organisation-code';

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

function text(column: string, value: string, max: number, problems: string[]): string {
  if (value === '') problems.push(`${column} is empty`);
  else if (value.length > max) problems.push(`${column} is longer than ${max} characters`);
  else if (hasControlCharacters(value)) problems.push(`${column} contains control characters`);
  return value;
}

/** Validates one record's values; returns the row, or the problems found (all of them, not just the first). */
function toRow(line: number, fields: string[]): EmployeeCsvRow | ImportLineError {
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
  if (!ORGANISATION_CODE.test(storeCode)) problems.push(`store_code ${quoted(storeCode)} is not a store code`);
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
  const { records, errors } = readCsvImport(csv, EMPLOYEE_CSV_COLUMNS, 'employees');
  const rows: EmployeeCsvRow[] = [];
  for (const { line, fields } of records) {
    const result = toRow(line, fields);
    if ('employeeNumber' in result) rows.push(result);
    else errors.push(result);
  }
  errors.push(...duplicateErrors(rows));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
