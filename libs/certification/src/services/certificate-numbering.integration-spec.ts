import { buildProgram, lockWaitsOn, useTestDatabase } from '@lp/testing';
import { nextCertificateNumber, openCertificateYears } from './certificate-numbering';

describe('certificate numbers', () => {
  // Enough connections for one issuance holding the year's row and eight waiting behind it.
  const suite = useTestDatabase({ poolSize: 10 });
  const in2026 = new Date('2026-05-01T12:00:00Z');

  const next = (program: { id: number; code: string }, issuedAt = in2026) =>
    suite.dataSource.transaction((manager) => nextCertificateNumber(manager, program, issuedAt, 'UTC'));

  it('counts up per programme and year, from 1', async () => {
    const program = await buildProgram(suite.dataSource, { code: 'NUMA' });
    const other = await buildProgram(suite.dataSource, { code: 'NUMB' });

    expect(await next(program)).toBe('NUMA-2026-000001');
    expect(await next(program)).toBe('NUMA-2026-000002');
    expect(await next(other)).toBe('NUMB-2026-000001');
    expect(await next(program, new Date('2027-01-01T00:00:00Z'))).toBe('NUMA-2027-000001');
    expect(await next(program)).toBe('NUMA-2026-000003');
  });

  it('continues from the stored sequence', async () => {
    const program = await buildProgram(suite.dataSource, { code: 'NUMC' });
    await suite.dataSource.query(
      'INSERT INTO certificate_sequences (program_id, year, last_number) VALUES (?, 2026, 41)',
      [program.id],
    );

    expect(await next(program)).toBe('NUMC-2026-000042');
  });

  it('gives concurrent issuances distinct numbers without gaps', async () => {
    const program = await buildProgram(suite.dataSource, { code: 'NUMD' });

    const numbers = await Promise.all(Array.from({ length: 8 }, () => next(program)));

    expect(numbers.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `NUMD-2026-${String(i + 1).padStart(6, '0')}`));
  });

  it('hands the number of an issuance that rolled back to the next one', async () => {
    const program = await buildProgram(suite.dataSource, { code: 'NUME' });
    expect(await next(program)).toBe('NUME-2026-000001');

    const rolledBack = await suite.dataSource
      .transaction(async (manager) => {
        await nextCertificateNumber(manager, program, in2026, 'UTC');
        throw new Error('the issuance failed after taking its number');
      })
      .catch((error: Error) => error.message);

    expect(rolledBack).toBe('the issuance failed after taking its number');
    expect(await next(program)).toBe('NUME-2026-000002');
  });

  it("opens this year's and next year's numbering for every programme, keeping numbers handed out", async () => {
    const program = await buildProgram(suite.dataSource, { code: 'NUMF' });
    const other = await buildProgram(suite.dataSource, { code: 'NUMG' });
    await next(program);
    const newYearsEve = new Date('2026-12-31T23:30:00Z');

    await openCertificateYears(suite.dataSource.manager, newYearsEve);
    await openCertificateYears(suite.dataSource.manager, newYearsEve);

    const rows = (await suite.dataSource.query(
      'SELECT program_id, year, last_number FROM certificate_sequences WHERE program_id IN (?, ?) ORDER BY program_id, year',
      [program.id, other.id],
    )) as { program_id: number; year: number; last_number: number }[];
    expect(rows).toEqual([
      { program_id: program.id, year: 2026, last_number: 1 },
      { program_id: program.id, year: 2027, last_number: 0 },
      { program_id: other.id, year: 2026, last_number: 0 },
      { program_id: other.id, year: 2027, last_number: 0 },
    ]);
    expect(await next(program)).toBe('NUMF-2026-000002');
    expect(await next(other, new Date('2027-01-01T00:00:00Z'))).toBe('NUMG-2027-000001');
  });

  it('lets the issuances waiting behind a failed first issuance of an opened year through', async () => {
    const program = await buildProgram(suite.dataSource, { code: 'NUMH' });
    await openCertificateYears(suite.dataSource.manager, in2026, program.id);
    const failing = suite.dataSource.createQueryRunner();
    await failing.startTransaction();
    await nextCertificateNumber(failing.manager, program, in2026, 'UTC');

    const waiting = Array.from({ length: 8 }, () => next(program).catch((error: Error) => error.message));
    await lockWaitsOn(suite.dataSource, 'certificate_sequences', 8);
    await failing.rollbackTransaction();
    await failing.release();

    expect((await Promise.all(waiting)).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `NUMH-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });
});
