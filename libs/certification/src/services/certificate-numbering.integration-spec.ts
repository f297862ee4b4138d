import { buildProgram, useTestDatabase } from '@lp/testing';
import { nextCertificateNumber } from './certificate-numbering';

describe('certificate numbers', () => {
  const suite = useTestDatabase();
  const in2026 = new Date('2026-05-01T12:00:00Z');

  const next = (program: { id: number; code: string }, issuedAt = in2026) =>
    suite.dataSource.transaction((manager) => nextCertificateNumber(manager, program, issuedAt));

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
        await nextCertificateNumber(manager, program, in2026);
        throw new Error('the issuance failed after taking its number');
      })
      .catch((error: Error) => error.message);

    expect(rolledBack).toBe('the issuance failed after taking its number');
    expect(await next(program)).toBe('NUME-2026-000002');
  });
});
