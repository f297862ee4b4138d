import fc from 'fast-check';
import { CERTIFICATION_CSV_COLUMNS, parseCertificationCsv } from './certification-csv';

const HEADER = CERTIFICATION_CSV_COLUMNS.join(',');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('parseCertificationCsv', () => {
  it('reads well-formed lines, upper-casing programme codes and leaving empty optional columns null', () => {
    const { rows, errors } = parseCertificationCsv(
      csv('E1,lpf,2025-09-14,,', 'E2,LPO,2024-03-01,2025-03-01,OLD/2024.17'),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        employeeNumber: 'E1',
        programCode: 'LPF',
        issuedOn: '2025-09-14',
        expiresOn: null,
        certificateNumber: null,
      },
      {
        line: 3,
        employeeNumber: 'E2',
        programCode: 'LPO',
        issuedOn: '2024-03-01',
        expiresOn: '2025-03-01',
        certificateNumber: 'OLD/2024.17',
      },
    ]);
  });

  it('reports every problem of a line together', () => {
    const { rows, errors } = parseCertificationCsv(csv('E 1,L P,01/02/2026,2026-13-01,-x'));
    expect(rows).toEqual([]);
    expect(errors[0].message.split('; ')).toEqual([
      'employee_number "E 1" must be 1-32 letters, digits, _ or -',
      'program_code "L P" is not a programme code',
      'issued_on "01/02/2026" is not a date such as 2026-03-01',
      'expires_on "2026-13-01" is not a date such as 2027-03-01',
      'certificate_number "-x" must be 1-32 letters, digits, ., _, / or -, starting with a letter or digit',
    ]);
  });

  it('refuses an expiry on or before the issue and a number of LP Academy’s own shape', () => {
    const { errors } = parseCertificationCsv(
      csv('E1,LPF,2025-09-14,2025-09-14,', 'E2,LPF,2025-09-14,2025-09-13,', 'E3,LPF,2025-09-14,,lpo-2019-000001'),
    );
    expect(errors.map((e) => [e.line, e.message.split(' (')[0]])).toEqual([
      [2, 'expires_on 2025-09-14 is not after issued_on 2025-09-14'],
      [3, 'expires_on 2025-09-13 is not after issued_on 2025-09-14'],
      [4, "certificate_number lpo-2019-000001 has the form of LP Academy's own numbers"],
    ]);
  });

  it('flags a person’s programme and a number repeated, in any case, on their later lines', () => {
    const { errors } = parseCertificationCsv(
      csv('E1,LPF,2025-09-14,,A-1', 'e1,lpf,2024-09-14,,', 'E1,LPO,2025-09-14,,a-1'),
    );
    expect(errors).toEqual([
      {
        line: 3,
        message:
          'employee e1 has a LPF certificate on line 2 too: give each person’s latest certificate of a programme, once',
      },
      { line: 4, message: 'certificate_number a-1 is also on line 2' },
    ]);
  });

  it('never throws, whatever follows the header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (body) => {
        const { rows, errors } = parseCertificationCsv(`${HEADER}\n${body}`);
        expect(Array.isArray(rows) && Array.isArray(errors)).toBe(true);
      }),
    );
  });
});
