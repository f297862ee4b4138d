import type { CertificationProgramEntity } from '@lp/certification';
import type { EmployeeEntity, StoreEntity } from '@lp/organisation';
import { Role } from '@lp/organisation';
import { buildEmployee, buildProgram, buildStore, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

const GRANT = `mutation ($employeeId: ID!, $programId: ID!, $issuedAt: DateTime) {
  grantCertification(employeeId: $employeeId, programId: $programId, issuedAt: $issuedAt) {
    id certificateNumber verificationCode status issuedAt expiresAt source program { code } employee { id }
  }
}`;
const VERIFY = `query ($code: String!) {
  verifyCertificate(code: $code) { valid status holderName programName issuedAt expiresAt }
}`;
const REVOKE = `mutation ($id: ID!, $reason: String!) { revokeCertification(id: $id, reason: $reason) { id status revokedReason } }`;
const LIST = `query ($filter: CertificationFilterInput) {
  certifications(filter: $filter, first: 50) { totalCount edges { node { id status employee { id } } } }
}`;

describe('certification lifecycle: grant, verify, expire, renew, revoke', () => {
  let t: TestApp;
  let hr: EmployeeEntity;
  let holder: EmployeeEntity;
  let store: StoreEntity;
  let program: CertificationProgramEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-03-01T10:00:00Z'));
    store = await buildStore(t.dataSource);
    hr = await buildEmployee(t.dataSource, { role: Role.HR, storeId: store.id });
    holder = await buildEmployee(t.dataSource, { storeId: store.id, firstName: 'Dana', lastName: 'Okafor' });
    program = await buildProgram(t.dataSource, { code: 'LPF', name: 'LP Foundations' });
  });

  const grant = (variables: Record<string, unknown>) => graphql(t.app, GRANT, variables, t.tokenFor(hr));

  it('issues a numbered certificate with an unguessable code that anyone can verify', async () => {
    const granted = await grant({ employeeId: holder.id, programId: program.id });
    const certificate = granted.data!.grantCertification;
    expect(certificate.certificateNumber).toBe('LPF-2026-000001');
    expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(certificate.status).toBe('ACTIVE');
    expect(certificate.expiresAt).toBe('2027-03-01T10:00:00.000Z');
    expect(certificate.source).toBe('MANUAL_GRANT');

    const verified = await graphql(t.app, VERIFY, { code: certificate.verificationCode.toLowerCase() });
    expect(verified.data!.verifyCertificate).toEqual({
      valid: true,
      status: 'ACTIVE',
      holderName: 'Dana Okafor',
      programName: 'LP Foundations',
      issuedAt: '2026-03-01T10:00:00.000Z',
      expiresAt: '2027-03-01T10:00:00.000Z',
    });
  });

  it('answers an unknown or malformed code with valid: false, not an error', async () => {
    for (const code of ['0000000000000000000000000', 'nonsense', '']) {
      const response = await graphql(t.app, VERIFY, { code });
      expect(response.errors).toBeUndefined();
      expect(response.data!.verifyCertificate.valid).toBe(false);
      expect(response.data!.verifyCertificate.holderName).toBeNull();
    }
  });

  it('turns EXPIRING inside the window and EXPIRED at expiry, and renews from the old expiry', async () => {
    const first = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    t.clock.set(new Date('2027-01-15T10:00:00Z'));
    const expiring = await graphql(t.app, LIST, { filter: { status: 'EXPIRING' } }, t.tokenFor(hr));
    expect(expiring.data!.certifications.edges.map((e: any) => e.node.id)).toEqual([first.id]);
    expect(
      (await graphql(t.app, LIST, { filter: { expiringWithinDays: 30 } }, t.tokenFor(hr))).data!.certifications
        .totalCount,
    ).toBe(0);
    expect(
      (await graphql(t.app, LIST, { filter: { expiringWithinDays: 60 } }, t.tokenFor(hr))).data!.certifications
        .totalCount,
    ).toBe(1);

    const renewed = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    expect(renewed.certificateNumber).toBe('LPF-2027-000001');
    expect(renewed.expiresAt).toBe('2028-03-01T10:00:00.000Z');

    const history = await graphql(t.app, LIST, { filter: { includeHistory: true } }, t.tokenFor(hr));
    expect(history.data!.certifications.totalCount).toBe(2);
    const oldCode = await graphql(t.app, VERIFY, { code: first.verificationCode });
    expect(oldCode.data!.verifyCertificate.valid).toBe(true);

    t.clock.set(new Date('2028-03-02T00:00:00Z'));
    const expired = await graphql(t.app, LIST, { filter: { status: 'EXPIRED' } }, t.tokenFor(hr));
    expect(expired.data!.certifications.edges.map((e: any) => e.node.id)).toEqual([renewed.id]);
  });

  it('refuses a second grant before the renewal window opens, or one dated before the current cycle', async () => {
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    const first = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    expect(first.expiresAt).toBe('2027-03-02T09:00:00.000Z');

    t.clock.set(new Date('2026-03-02T09:00:01Z'));
    const doubleClick = await grant({ employeeId: holder.id, programId: program.id });
    expect(errorCode(doubleClick)).toBe('CONFLICT');
    expect(doubleClick.errors![0].extensions).toMatchObject({
      validUntil: '2027-03-02T09:00:00.000Z',
      renewalOpensAt: '2027-01-01T09:00:00.000Z',
    });
    const backdated = await grant({ employeeId: holder.id, programId: program.id, issuedAt: '2024-01-01T00:00:00Z' });
    expect(errorCode(backdated)).toBe('CONFLICT');
    expect(backdated.errors![0].message).toContain('was issued on 2026-03-02T09:00:00.000Z');

    const cycles = await t.dataSource.query('SELECT id, issued_at, expires_at, current_key FROM certifications');
    expect(cycles).toEqual([
      {
        id: Number(first.id),
        issued_at: new Date('2026-03-02T09:00:00Z'),
        expires_at: new Date('2027-03-02T09:00:00Z'),
        current_key: program.id,
      },
    ]);
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE subject_type = 'Certification'",
    );
    expect(Number(n)).toBe(1);

    t.clock.set(new Date('2027-01-01T09:00:00Z'));
    const renewed = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    expect(renewed.expiresAt).toBe('2028-03-02T09:00:00.000Z');
    const beforeRenewal = await grant({
      employeeId: holder.id,
      programId: program.id,
      issuedAt: '2026-12-31T00:00:00Z',
    });
    expect(errorCode(beforeRenewal)).toBe('CONFLICT');
  });

  it('grants again after a revocation only when dated after it', async () => {
    const certificate = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    t.clock.set(new Date('2026-06-01T10:00:00Z'));
    await graphql(t.app, REVOKE, { id: certificate.id, reason: 'Issued in error' }, t.tokenFor(hr));

    const undoing = await grant({ employeeId: holder.id, programId: program.id, issuedAt: '2026-05-01T00:00:00Z' });
    expect(errorCode(undoing)).toBe('CONFLICT');
    t.clock.set(new Date('2026-06-02T10:00:00Z'));
    const regranted = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    expect(regranted).toMatchObject({ status: 'ACTIVE', expiresAt: '2027-06-02T10:00:00.000Z' });
  });

  it('revokes once, with a reason, and verification then says revoked', async () => {
    const certificate = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    const revoked = await graphql(t.app, REVOKE, { id: certificate.id, reason: 'Issued in error' }, t.tokenFor(hr));
    expect(revoked.data!.revokeCertification).toMatchObject({ status: 'REVOKED', revokedReason: 'Issued in error' });

    const verified = await graphql(t.app, VERIFY, { code: certificate.verificationCode });
    expect(verified.data!.verifyCertificate).toMatchObject({ valid: false, status: 'REVOKED' });

    const again = await graphql(t.app, REVOKE, { id: certificate.id, reason: 'Twice' }, t.tokenFor(hr));
    expect(errorCode(again)).toBe('CONFLICT');
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATION_REVOKED'",
    );
    expect(Number(n)).toBe(1);
  });

  it('leaves the current cycle valid when an older one is revoked', async () => {
    const first = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    t.clock.set(new Date('2027-01-15T10:00:00Z'));
    const renewed = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;

    await graphql(t.app, REVOKE, { id: first.id, reason: 'Issued on the wrong record' }, t.tokenFor(hr));

    expect((await graphql(t.app, VERIFY, { code: first.verificationCode })).data!.verifyCertificate).toMatchObject({
      valid: false,
      status: 'REVOKED',
    });
    expect((await graphql(t.app, VERIFY, { code: renewed.verificationCode })).data!.verifyCertificate).toMatchObject({
      valid: true,
    });
  });

  it('answers revoked for the superseded cycle too once its renewal is revoked', async () => {
    const first = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    t.clock.set(new Date('2027-01-15T10:00:00Z'));
    const renewed = (await grant({ employeeId: holder.id, programId: program.id })).data!.grantCertification;
    expect((await graphql(t.app, VERIFY, { code: first.verificationCode })).data!.verifyCertificate).toMatchObject({
      valid: true,
      status: 'EXPIRING',
    });

    await graphql(t.app, REVOKE, { id: renewed.id, reason: 'Certified on forged papers' }, t.tokenFor(hr));

    for (const code of [first.verificationCode, renewed.verificationCode]) {
      const verified = await graphql(t.app, VERIFY, { code });
      expect(verified.data!.verifyCertificate).toMatchObject({ valid: false, status: 'REVOKED' });
    }
    const firstAgain = await graphql(t.app, VERIFY, { code: first.verificationCode });
    expect(firstAgain.data!.verifyCertificate).toMatchObject({
      issuedAt: '2026-03-01T10:00:00.000Z',
      expiresAt: '2027-03-01T10:00:00.000Z',
    });
    // The lists, the CSV and the PDF read the same: both cycles are revoked.
    const history = await graphql(
      t.app,
      `
        query ($e: ID!) {
          certifications(filter: { employeeId: $e, includeHistory: true }) {
            edges {
              node {
                id
                status
              }
            }
          }
        }
      `,
      { e: holder.id },
      t.tokenFor(hr),
    );
    expect(history.data!.certifications.edges.map((edge: { node: { status: string } }) => edge.node.status)).toEqual([
      'REVOKED',
      'REVOKED',
    ]);
  });

  it('refuses bad grants and writes nothing', async () => {
    const inactive = await buildEmployee(t.dataSource, { storeId: store.id, active: false });
    const cases: [Record<string, unknown>, string][] = [
      [{ employeeId: inactive.id, programId: program.id }, 'BAD_USER_INPUT'],
      [{ employeeId: holder.id, programId: 999999 }, 'NOT_FOUND'],
      [{ employeeId: 999999, programId: program.id }, 'NOT_FOUND'],
      [{ employeeId: holder.id, programId: program.id, issuedAt: '2030-01-01T00:00:00Z' }, 'BAD_USER_INPUT'],
      [{ employeeId: 'abc', programId: program.id }, 'BAD_USER_INPUT'],
    ];
    for (const [variables, code] of cases) expect(errorCode(await grant(variables))).toBe(code);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM certifications');
    expect(Number(n)).toBe(0);
  });

  it('shows managers only their stores’ certifications and refuses grants to them', async () => {
    const otherStore = await buildStore(t.dataSource);
    const stranger = await buildEmployee(t.dataSource, { storeId: otherStore.id });
    await grant({ employeeId: holder.id, programId: program.id });
    await grant({ employeeId: stranger.id, programId: program.id });
    const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });

    const listed = await graphql(t.app, LIST, {}, t.tokenFor(manager));
    expect(listed.data!.certifications.edges.map((e: any) => Number(e.node.employee.id))).toEqual([holder.id]);
    const foreign = await graphql(t.app, LIST, { filter: { storeId: otherStore.id } }, t.tokenFor(manager));
    expect(foreign.data!.certifications.totalCount).toBe(0);
    const holders = async (filter: object) =>
      (await graphql(t.app, LIST, { filter }, t.tokenFor(hr))).data!.certifications.edges.map((e: any) =>
        Number(e.node.employee.id),
      );
    expect(await holders({})).toEqual([holder.id, stranger.id]);
    expect(await holders({ storeId: otherStore.id })).toEqual([stranger.id]);
    expect(await holders({ regionId: store.regionId })).toEqual([holder.id]);

    const denied = await graphql(t.app, GRANT, { employeeId: holder.id, programId: program.id }, t.tokenFor(manager));
    expect(errorCode(denied)).toBe('FORBIDDEN');
    const employeeList = await graphql(t.app, LIST, {}, t.tokenFor(holder));
    expect(errorCode(employeeList)).toBe('FORBIDDEN');
  });

  it('lists the holder’s own current certifications', async () => {
    await grant({ employeeId: holder.id, programId: program.id });
    const mine = await graphql(
      t.app,
      '{ myCertifications { certificateNumber status program { code } } }',
      {},
      t.tokenFor(holder),
    );
    expect(mine.data!.myCertifications).toEqual([
      { certificateNumber: 'LPF-2026-000001', status: 'ACTIVE', program: { code: 'LPF' } },
    ]);
  });

  it('rate-limits public verification per address', async () => {
    const answers = [];
    for (let i = 0; i < 61; i++) answers.push(await graphql(t.app, VERIFY, { code: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA' }));
    expect(answers.slice(0, 60).every((a) => a.data?.verifyCertificate.valid === false)).toBe(true);
    expect(errorCode(answers[60])).toBe('TOO_MANY_REQUESTS');
  });
});
