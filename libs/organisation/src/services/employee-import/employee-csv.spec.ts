import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Role } from '../../entities/role';
import { EMPLOYEE_CSV_COLUMNS, parseEmployeeCsv } from './employee-csv';

const HEADER = EMPLOYEE_CSV_COLUMNS.join(',');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('parseEmployeeCsv', () => {
  it('reads well-formed lines, leaving empty optional columns null', () => {
    const { rows, errors } = parseEmployeeCsv(
      csv(
        'E100,Ada,Lovelace,Ada@Example.COM,cashier,S001,store_manager,2026-03-01',
        'E101,Grace,Hopper,,LP_OFFICER,S002,,',
      ),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        employeeNumber: 'E100',
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        jobRoleCode: 'CASHIER',
        storeCode: 'S001',
        role: Role.STORE_MANAGER,
        hireDate: '2026-03-01',
      },
      {
        line: 3,
        employeeNumber: 'E101',
        firstName: 'Grace',
        lastName: 'Hopper',
        email: null,
        jobRoleCode: 'LP_OFFICER',
        storeCode: 'S002',
        role: null,
        hireDate: null,
      },
    ]);
  });

  it('accepts a BOM, CRLF, quoted fields, surrounding spaces and a header in capitals', () => {
    const text = `\uFEFF${HEADER.toUpperCase()}\r\nE1 , "O'Brien, Jr." ,"Smith","a@b.co",CASHIER,S1,EMPLOYEE,2025-01-31\r\n`;
    const { rows, errors } = parseEmployeeCsv(text);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ employeeNumber: 'E1', firstName: "O'Brien, Jr.", lastName: 'Smith' });
  });

  describe.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('numbers lines as a text editor does, with %s line breaks', (_, eol) => {
    const file = (...lines: string[]) => [HEADER, ...lines].join(eol);

    it('across blank lines and quoted line breaks', () => {
      const { rows, errors } = parseEmployeeCsv(
        file('', 'E1,A,B,,CASHIER,S1,,', '', 'E2,"Multi', 'line",B,,CASHIER,S1,,', 'E3,A,B,not-an-email,CASHIER,S1,,'),
      );
      expect(rows.map((r) => [r.employeeNumber, r.line])).toEqual([['E1', 3]]);
      expect(errors).toEqual([
        { line: 5, message: 'first_name contains control characters' },
        { line: 7, message: 'email "not-an-email" is not an email address' },
      ]);
    });

    it('up to broken quoting after a quoted line break', () => {
      const { errors } = parseEmployeeCsv(file('E1,"Ann', 'Marie",B,,CASHIER,S1,,', 'E2,"A"x,B,,CASHIER,S1,,'));
      expect(errors[0]).toEqual({ line: 2, message: 'first_name contains control characters' });
      expect(errors[1]).toEqual({ line: 4, message: 'not valid CSV: Invalid Closing Quote' });
    });
  });

  it('stops at a wrong or missing header with one error on line 1', () => {
    for (const text of [
      '',
      'employee_number,first_name,last_name,email,job_role,store_code,role\nE1,A,B,,CASHIER,S1,',
      'first_name,employee_number,last_name,email,job_role,store_code,role,hire_date',
      'E1,A,B,,CASHIER,S1,,2026-01-01',
    ]) {
      const { rows, errors } = parseEmployeeCsv(text);
      expect(rows).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0].line).toBe(1);
      expect(errors[0].message).toMatch(/^the first line must be the header employee_number,first_name,/);
    }
  });

  it('reports a wrong column count per line', () => {
    const { errors } = parseEmployeeCsv(csv('E1,A,B,,CASHIER,S1,', 'E2,A,B,,CASHIER,S1,,,extra'));
    expect(errors).toEqual([
      { line: 2, message: 'expected 8 columns, found 7' },
      { line: 3, message: 'expected 8 columns, found 9' },
    ]);
  });

  it('reports every problem of a line together', () => {
    const { rows, errors } = parseEmployeeCsv(csv(`E 1,,${'x'.repeat(101)},a@,CASH IER,S/1,OWNER,2026-02-30`));
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message.split('; ')).toEqual([
      'employee_number "E 1" must be 1-32 letters, digits, _ or -',
      'first_name is empty',
      'last_name is longer than 100 characters',
      'email "a@" is not an email address',
      'job_role "CASH IER" is not a job-role code',
      'store_code "S/1" is not a store code',
      'role "OWNER" must be empty or one of EMPLOYEE, STORE_MANAGER, REGIONAL_MANAGER, HR, ADMIN',
      'hire_date "2026-02-30" is not a date such as 2026-03-01',
    ]);
  });

  it('refuses dates in other formats and names with control characters', () => {
    const { errors } = parseEmployeeCsv(csv('E1,A,B,,CASHIER,S1,,01/02/2026', 'E2,A\u0007,B,,CASHIER,S1,,'));
    expect(errors.map((e) => e.message)).toEqual([
      'hire_date "01/02/2026" is not a date such as 2026-03-01',
      'first_name contains control characters',
    ]);
  });

  it('flags repeated employee numbers (in any case) and emails on their later lines', () => {
    const { errors } = parseEmployeeCsv(
      csv('E1,A,B,a@x.test,CASHIER,S1,,', 'E2,A,B,A@X.test,CASHIER,S1,,', 'e1,A,B,,CASHIER,S1,,'),
    );
    expect(errors).toEqual([
      { line: 3, message: 'email a@x.test is also on line 2' },
      { line: 4, message: 'employee_number e1 is also on line 2' },
    ]);
  });

  it('reports broken quoting with the line where it starts', () => {
    const { errors } = parseEmployeeCsv(csv('E1,A,B,,CASHIER,S1,,', 'E2,"A"x,B,,CASHIER,S1,,', 'E3,A,B,,CASHIER,S1,,'));
    expect(errors[0]).toEqual({ line: 3, message: 'not valid CSV: Invalid Closing Quote' });
  });

  it('answers 1 MB of garbage with one header error, quickly', () => {
    const garbage = randomBytes(1024 * 1024).toString('latin1');
    const started = Date.now();
    const { rows, errors } = parseEmployeeCsv(garbage);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/^the first line must be the header/) }]);
  });

  it('answers 1 MB of garbage after a valid header with errors, never an exception', () => {
    const garbage = randomBytes(1024 * 1024).toString('base64');
    const { rows, errors } = parseEmployeeCsv(`${HEADER}\n${garbage}`);
    expect(rows).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('never throws, whatever follows the header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (body) => {
        const { rows, errors } = parseEmployeeCsv(`${HEADER}\n${body}`);
        expect(Array.isArray(rows) && Array.isArray(errors)).toBe(true);
      }),
    );
  });
});
