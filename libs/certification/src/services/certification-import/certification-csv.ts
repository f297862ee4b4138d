import { type ImportLineError, isCalendarDate, quotedValue, readCsvImport } from '@lp/organisation';

/** The header a certification import file must start with, in this order. */
export const CERTIFICATION_CSV_COLUMNS = [
  'employee_number',
  'program_code',
  'issued_on',
  'expires_on',
  'certificate_number',
] as const;

/**
 * The shape of the numbers LP Academy hands out itself (LPF-2026-000123). An old number of
 * that shape could be handed out again by a later completion, so the file may not bring one.
 */
const OWN_NUMBER = /^[A-Z][A-Z0-9]{1,11}-\d{4}-\d+$/i;

/** One well-formed line; dates are calendar days of the holder's store. */
export interface CertificationCsvRow {
  line: number;
  employeeNumber: string;
  /** Upper-cased, as programme codes are stored. */
  programCode: string;
  issuedOn: string;
  /** Null: the programme's validity from issuedOn. */
  expiresOn: string | null;
  /** The old system's number; null: LP Academy numbers it. */
  certificateNumber: string | null;
}

/** Validates one line's values; returns the row, or every problem found. */
function toRow(line: number, fields: string[]): CertificationCsvRow | ImportLineError {
  const [number, programCode, issuedOn, expiresOn, certificateNumber] = fields;
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(number)) {
    problems.push(`employee_number ${quotedValue(number)} must be 1-32 letters, digits, _ or -`);
  }
  if (!/^[A-Za-z][A-Za-z0-9]{1,11}$/.test(programCode)) {
    problems.push(`program_code ${quotedValue(programCode)} is not a programme code`);
  }
  const issuedIsDate = isCalendarDate(issuedOn);
  if (!issuedIsDate) problems.push(`issued_on ${quotedValue(issuedOn)} is not a date such as 2026-03-01`);
  if (expiresOn !== '' && !isCalendarDate(expiresOn)) {
    problems.push(`expires_on ${quotedValue(expiresOn)} is not a date such as 2027-03-01`);
  } else if (expiresOn !== '' && issuedIsDate && expiresOn <= issuedOn) {
    problems.push(`expires_on ${expiresOn} is not after issued_on ${issuedOn}`);
  }
  if (certificateNumber !== '' && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/.test(certificateNumber)) {
    problems.push(
      `certificate_number ${quotedValue(certificateNumber)} must be 1-32 letters, digits, ., _, / or -, starting with a letter or digit`,
    );
  } else if (OWN_NUMBER.test(certificateNumber)) {
    problems.push(
      `certificate_number ${certificateNumber} has the form of LP Academy's own numbers (LPF-2026-000123), ` +
        'which it may hand out again: leave it empty to get a new one, or keep the old system’s prefix',
    );
  }
  if (problems.length > 0) return { line, message: problems.join('; ') };
  return {
    line,
    employeeNumber: number,
    programCode: programCode.toUpperCase(),
    issuedOn,
    expiresOn: expiresOn === '' ? null : expiresOn,
    certificateNumber: certificateNumber === '' ? null : certificateNumber,
  };
}

/**
 * Flags the later lines that repeat a person's programme (a file brings each person's
 * latest certificate of a programme, one line) or a certificate number (unique, in any case).
 */
function duplicateErrors(rows: CertificationCsvRow[]): ImportLineError[] {
  const errors: ImportLineError[] = [];
  const holderLines = new Map<string, number>();
  const numberLines = new Map<string, number>();
  for (const row of rows) {
    const holder = `${row.employeeNumber.toUpperCase()} ${row.programCode}`;
    const firstForHolder = holderLines.get(holder);
    if (firstForHolder) {
      errors.push({
        line: row.line,
        message:
          `employee ${row.employeeNumber} has a ${row.programCode} certificate on line ${firstForHolder} too: ` +
          'give each person’s latest certificate of a programme, once',
      });
    } else holderLines.set(holder, row.line);
    if (!row.certificateNumber) continue;
    const number = row.certificateNumber.toUpperCase();
    const firstWithNumber = numberLines.get(number);
    if (firstWithNumber) {
      errors.push({
        line: row.line,
        message: `certificate_number ${row.certificateNumber} is also on line ${firstWithNumber}`,
      });
    } else numberLines.set(number, row.line);
  }
  return errors;
}

/** Reads a certification CSV into rows and per-line errors, without touching the database. */
export function parseCertificationCsv(csv: string): { rows: CertificationCsvRow[]; errors: ImportLineError[] } {
  const { records, errors } = readCsvImport(csv, CERTIFICATION_CSV_COLUMNS, 'certificates');
  const rows: CertificationCsvRow[] = [];
  for (const { line, fields } of records) {
    const result = toRow(line, fields);
    if ('employeeNumber' in result) rows.push(result);
    else errors.push(result);
  }
  errors.push(...duplicateErrors(rows));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
