import { CertificationEntity, CertificationSource } from '@lp/certification';
import { buildEmployee, buildProgram, buildStore, useTestDatabase } from '@lp/testing';
import { currentCertificationsExpiringBetween } from './current-certifications';

describe('reading current certifications in batches', () => {
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date('2026-03-31T00:00:00Z');
  const suite = useTestDatabase();
  let issued = 0;

  async function certify(
    employeeId: number,
    programId: number,
    expiresAt: string,
    overrides: Partial<CertificationEntity> = {},
  ): Promise<number> {
    issued += 1;
    const repository = suite.dataSource.getRepository(CertificationEntity);
    const saved = await repository.save(
      repository.create({
        employeeId,
        programId,
        certificateNumber: `T-${issued}`,
        verificationCode: String(issued).padStart(26, '0'),
        issuedAt: new Date('2025-03-01T00:00:00Z'),
        expiresAt: new Date(expiresAt),
        source: CertificationSource.MANUAL_GRANT,
        previousCertificationId: null,
        currentKey: programId,
        revokedAt: null,
        revokedReason: null,
        revokedById: null,
        grantedById: null,
        ...overrides,
      }),
    );
    return saved.id;
  }

  it("yields a programme's current certifications expiring in (from, to] once, in batches, across equal expiries", async () => {
    const store = await buildStore(suite.dataSource);
    const program = await buildProgram(suite.dataSource);
    const other = await buildProgram(suite.dataSource);
    // Equal expiries, so batches of 3 end in the middle of a tie.
    const expiries = ['2026-03-05T09:00:00Z', '2026-03-05T09:00:00Z', '2026-03-12T09:00:00Z', to.toISOString()];
    const expected: number[] = [];
    for (let person = 0; person < 8; person++) {
      const holder = await buildEmployee(suite.dataSource, { storeId: store.id });
      expected.push(await certify(holder.id, program.id, expiries[person % expiries.length]));
      await certify(holder.id, other.id, expiries[0]);
    }
    const someone = await buildEmployee(suite.dataSource, { storeId: store.id });
    const inactive = await buildEmployee(suite.dataSource, { storeId: store.id, active: false });
    await certify(someone.id, program.id, '2026-03-05T09:00:00Z', { currentKey: null });
    await certify(someone.id, program.id, '2026-03-06T09:00:00Z', { revokedAt: from });
    await certify(inactive.id, program.id, '2026-03-05T09:00:00Z');
    await certify((await buildEmployee(suite.dataSource, { storeId: store.id })).id, program.id, from.toISOString());

    const batches: number[][] = [];
    for await (const batch of currentCertificationsExpiringBetween(suite.dataSource.manager, program.id, from, to, 3)) {
      batches.push(batch.map((certification) => certification.id));
    }

    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });
});
