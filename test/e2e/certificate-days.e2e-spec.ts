import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { CERTIFICATION_CSV_COLUMNS, RenewalBasis } from '@lp/certification';
import { type EmployeeEntity, Role } from '@lp/organisation';
import { buildEmployee, buildProgram, buildStore, createTestApp, graphql, type TestApp } from '@lp/testing';

interface Days {
  issuedOn: string;
  expiresOn: string;
  program: { code: string };
}

interface ListedCertification extends Days {
  certificateNumber: string;
  issuedAt: string;
  employee: { id: string };
}

/**
 * A certificate's issue and expiry are days in its holder's store's zone, the days the PDF
 * prints; whoever reads them, from wherever, sees those days.
 */
describe("a certificate's days, in its holder's store's zone", () => {
  let t: TestApp;
  let hr: EmployeeEntity;
  let tokyo: EmployeeEntity;
  let losAngeles: EmployeeEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-03-01T12:00:00Z'));
    hr = await buildEmployee(t.dataSource, { role: Role.HR });
    tokyo = await buildEmployee(t.dataSource, {
      storeId: (await buildStore(t.dataSource, { timezone: 'Asia/Tokyo' })).id,
    });
    losAngeles = await buildEmployee(t.dataSource, {
      storeId: (await buildStore(t.dataSource, { timezone: 'America/Los_Angeles' })).id,
    });
  });

  /**
   * Four certificates issued near midnight UTC: 16:30 UTC on 9 February is 01:30 on the 10th
   * in Tokyo, 03:00 UTC on 10 February is 19:00 on the 9th in Los Angeles. A fixed expiry date
   * ends with 1 April there, which is already the 2nd in UTC for Los Angeles.
   */
  async function grantAll(): Promise<Record<string, { issuedOn: string; expiresOn: string }>> {
    const yearly = await buildProgram(t.dataSource, { code: 'YEARLY' });
    const fixed = await buildProgram(t.dataSource, {
      code: 'APRIL',
      renewalBasis: RenewalBasis.FIXED_DATE,
      fixedExpiryDate: '04-01',
      recertifyWindowDays: 30,
    });
    const grants: [EmployeeEntity, number, string][] = [
      [tokyo, yearly.id, '2026-02-09T16:30:00Z'],
      [tokyo, fixed.id, '2026-02-09T16:30:00Z'],
      [losAngeles, yearly.id, '2026-02-10T03:00:00Z'],
      [losAngeles, fixed.id, '2026-02-10T03:00:00Z'],
    ];
    const granted: Record<string, { issuedOn: string; expiresOn: string }> = {};
    for (const [holder, programId, issuedAt] of grants) {
      const result = await graphql(
        t.app,
        `
          mutation ($e: ID!, $p: ID!, $at: DateTime!) {
            grantCertification(employeeId: $e, programId: $p, issuedAt: $at) {
              certificateNumber
              issuedOn
              expiresOn
            }
          }
        `,
        { e: holder.id, p: programId, at: issuedAt },
        t.tokenFor(hr),
      );
      expect(result.errors).toBeUndefined();
      const { certificateNumber, ...days } = result.data!.grantCertification;
      granted[certificateNumber] = days;
    }
    return granted;
  }

  const EXPECTED_DAYS = [
    { holder: 'tokyo', program: 'YEARLY', issuedOn: '2026-02-10', expiresOn: '2027-02-10' },
    { holder: 'tokyo', program: 'APRIL', issuedOn: '2026-02-10', expiresOn: '2027-04-01' },
    { holder: 'losAngeles', program: 'YEARLY', issuedOn: '2026-02-09', expiresOn: '2027-02-09' },
    { holder: 'losAngeles', program: 'APRIL', issuedOn: '2026-02-09', expiresOn: '2027-04-01' },
  ];

  const holderKey = (employeeId: string) => (Number(employeeId) === tokyo.id ? 'tokyo' : 'losAngeles');

  it('are the days the certificate prints in the list, the grant and the holder’s own certificates', async () => {
    const granted = await grantAll();

    const listed = await graphql(
      t.app,
      `
        {
          certifications(first: 10) {
            edges {
              node {
                certificateNumber
                issuedAt
                issuedOn
                expiresOn
                employee {
                  id
                }
                program {
                  code
                }
              }
            }
          }
        }
      `,
      {},
      t.tokenFor(hr),
    );
    expect(listed.errors).toBeUndefined();
    const nodes = (listed.data!.certifications.edges as { node: ListedCertification }[]).map((edge) => edge.node);
    expect(
      nodes.map((node) => ({
        holder: holderKey(node.employee.id),
        program: node.program.code,
        issuedOn: node.issuedOn,
        expiresOn: node.expiresOn,
      })),
    ).toEqual(EXPECTED_DAYS);
    // The moments stay as they are: only the day is the holder's.
    expect(nodes.map((node) => node.issuedAt)).toEqual([
      '2026-02-09T16:30:00.000Z',
      '2026-02-09T16:30:00.000Z',
      '2026-02-10T03:00:00.000Z',
      '2026-02-10T03:00:00.000Z',
    ]);
    for (const node of nodes) {
      expect(granted[node.certificateNumber]).toEqual({ issuedOn: node.issuedOn, expiresOn: node.expiresOn });
    }

    for (const [key, holder] of [
      ['tokyo', tokyo],
      ['losAngeles', losAngeles],
    ] as const) {
      const mine = await graphql(
        t.app,
        '{ myCertifications { issuedOn expiresOn program { code } } }',
        {},
        t.tokenFor(holder),
      );
      expect(mine.errors).toBeUndefined();
      expect(
        (mine.data!.myCertifications as Days[])
          .map((c) => ({ holder: key, program: c.program.code, issuedOn: c.issuedOn, expiresOn: c.expiresOn }))
          .sort((a, b) => b.program.localeCompare(a.program)),
      ).toEqual(EXPECTED_DAYS.filter((days) => days.holder === key));
    }
  });

  it('cost one statement for a whole page, and none on the holder’s dashboard', async () => {
    await grantAll();
    const statements = jest.spyOn(t.dataSource.logger, 'logQuery');
    const countStatements = async (query: string, who: EmployeeEntity) => {
      statements.mockClear();
      const result = await graphql(t.app, query, {}, t.tokenFor(who));
      expect(result.errors).toBeUndefined();
      return statements.mock.calls.length;
    };
    try {
      const list = (fields: string) => `{ certifications(first: 10) { edges { node { id ${fields} } } } }`;
      expect(await countStatements(list('issuedOn expiresOn'), hr)).toBe(
        (await countStatements(list('issuedAt expiresAt'), hr)) + 1,
      );
      const dashboard = (fields: string) =>
        `{ myCertifications { id status expiresAt certificateNumber program { id name } ${fields} } }`;
      expect(await countStatements(dashboard('issuedOn expiresOn'), tokyo)).toBe(
        await countStatements(dashboard(''), tokyo),
      );
    } finally {
      statements.mockRestore();
    }
  });

  it('are in the certifications CSV beside the exact moments', async () => {
    await grantAll();
    const response = await request(t.app.getHttpServer())
      .get('/reports/certifications.csv')
      .set('authorization', `Bearer ${t.tokenFor(hr)}`)
      .buffer(true);
    expect(response.status).toBe(200);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(
      rows.map((row) => ({
        holder: row.employeeNumber === tokyo.employeeNumber ? 'tokyo' : 'losAngeles',
        program: row.programCode,
        issuedOn: row.issuedOn,
        expiresOn: row.expiresOn,
      })),
    ).toEqual(EXPECTED_DAYS);
    expect(rows.map((row) => row.expiresAt)).toEqual([
      '2027-02-09T16:30:00.000Z',
      '2027-04-01T14:59:59.000Z',
      '2027-02-10T03:00:00.000Z',
      '2027-04-02T06:59:59.000Z',
    ]);
  });
});

/**
 * A programme's validity is calendar months where the holder works: a certificate issued on a
 * day is valid to the same day of the month that many months on, the 28th for a 29 February
 * or the month's last day when it is shorter, at the same hour of that zone's clock.
 */
describe("a certificate's validity, in months of its holder's calendar", () => {
  let t: TestApp;
  let hr: EmployeeEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2027-01-01T00:00:00Z'));
    hr = await buildEmployee(t.dataSource, { role: Role.HR });
  });

  async function grant(
    timezone: string,
    validityMonths: number,
    issuedAt: string,
  ): Promise<{ certificateNumber: string; issuedOn: string; expiresOn: string; expiresAt: string }> {
    const holder = await buildEmployee(t.dataSource, { storeId: (await buildStore(t.dataSource, { timezone })).id });
    const program = await buildProgram(t.dataSource, { validityMonths });
    const result = await graphql(
      t.app,
      `
        mutation ($e: ID!, $p: ID!, $at: DateTime!) {
          grantCertification(employeeId: $e, programId: $p, issuedAt: $at) {
            certificateNumber
            issuedOn
            expiresOn
            expiresAt
          }
        }
      `,
      { e: holder.id, p: program.id, at: issuedAt },
      t.tokenFor(hr),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.grantCertification;
  }

  it('ends a 29 February certificate on 28 February, one or two years on, east of UTC', async () => {
    // 03:00 on 29 February 2024 in Kolkata (UTC+05:30) is still the 28th in UTC.
    expect(await grant('Asia/Kolkata', 12, '2024-02-28T21:30:00Z')).toMatchObject({
      issuedOn: '2024-02-29',
      expiresOn: '2025-02-28',
      expiresAt: '2025-02-27T21:30:00.000Z',
    });
    expect(await grant('Asia/Kolkata', 24, '2024-02-28T21:30:00Z')).toMatchObject({
      issuedOn: '2024-02-29',
      expiresOn: '2026-02-28',
    });
    // 10:00 on 29 February in Kiritimati (UTC+14).
    expect(await grant('Pacific/Kiritimati', 12, '2024-02-28T20:00:00Z')).toMatchObject({
      issuedOn: '2024-02-29',
      expiresOn: '2025-02-28',
      expiresAt: '2025-02-27T20:00:00.000Z',
    });
  });

  it('ends a certificate issued on the 28th or 29th of February on the 28th, west of UTC', async () => {
    // 20:00 on 28 February 2024 in New York is the 29th in UTC.
    expect(await grant('America/New_York', 12, '2024-02-29T01:00:00Z')).toMatchObject({
      issuedOn: '2024-02-28',
      expiresOn: '2025-02-28',
      expiresAt: '2025-03-01T01:00:00.000Z',
    });
    // 20:00 on 29 February 2024 in New York is 1 March in UTC.
    expect(await grant('America/New_York', 24, '2024-03-01T01:00:00Z')).toMatchObject({
      issuedOn: '2024-02-29',
      expiresOn: '2026-02-28',
    });
  });

  it("ends a month's validity on the last day of a shorter month in the holder's zone", async () => {
    // 08:00 on 31 January in Tokyo; 18:00 on 30 April in Los Angeles (1 May in UTC).
    expect(await grant('Asia/Tokyo', 1, '2026-01-30T23:00:00Z')).toMatchObject({
      issuedOn: '2026-01-31',
      expiresOn: '2026-02-28',
      expiresAt: '2026-02-27T23:00:00.000Z',
    });
    expect(await grant('America/Los_Angeles', 1, '2026-05-01T01:00:00Z')).toMatchObject({
      issuedOn: '2026-04-30',
      expiresOn: '2026-05-30',
      expiresAt: '2026-05-31T01:00:00.000Z',
    });
  });

  it('keeps the hour of the local clock across a change of the clocks', async () => {
    // 23:30 on 1 December 2025 in New York (EST): six months on is 23:30 EDT on 1 June, not 00:30 on the 2nd.
    expect(await grant('America/New_York', 6, '2025-12-02T04:30:00Z')).toMatchObject({
      issuedOn: '2025-12-01',
      expiresOn: '2026-06-01',
      expiresAt: '2026-06-02T03:30:00.000Z',
    });
    // 02:30 on 8 February 2026 in New York: 8 March has no 02:30, the clocks jumping from 02:00 to 03:00.
    expect(await grant('America/New_York', 1, '2026-02-08T07:30:00Z')).toMatchObject({
      issuedOn: '2026-02-08',
      expiresOn: '2026-03-08',
      expiresAt: '2026-03-08T07:30:00.000Z',
    });
    // 23:30 on 25 April 2026 in London (BST) to 23:30 GMT on 25 October, the day the clocks go back.
    expect(await grant('Europe/London', 6, '2026-04-25T22:30:00Z')).toMatchObject({
      issuedOn: '2026-04-25',
      expiresOn: '2026-10-25',
      expiresAt: '2026-10-25T23:30:00.000Z',
    });
    // Lord Howe moves its clocks by half an hour: 23:45 on 1 August 2026 (UTC+10:30) to 23:45 on
    // 1 February 2027 (UTC+11).
    expect(await grant('Australia/Lord_Howe', 6, '2026-08-01T13:15:00Z')).toMatchObject({
      issuedOn: '2026-08-01',
      expiresOn: '2027-02-01',
      expiresAt: '2027-02-01T12:45:00.000Z',
    });
  });

  it("dates and numbers an imported certificate on its holder's calendar", async () => {
    const holderIn = async (timezone: string) =>
      buildEmployee(t.dataSource, { storeId: (await buildStore(t.dataSource, { timezone })).id });
    const tokyo = await holderIn('Asia/Tokyo');
    const kiritimati = await holderIn('Pacific/Kiritimati');
    const program = await buildProgram(t.dataSource, { validityMonths: 12 });
    const csv = [
      CERTIFICATION_CSV_COLUMNS.join(','),
      // 1 January 2026 began in Tokyo on 31 December 2025 in UTC.
      `${tokyo.employeeNumber},${program.code},2026-01-01,,`,
      `${kiritimati.employeeNumber},${program.code},2024-02-29,,`,
    ].join('\n');
    const imported = await graphql(
      t.app,
      'mutation ($csv: String!) { importCertifications(csv: $csv) { imported errorCount } }',
      { csv },
      t.tokenFor(hr),
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCertifications).toEqual({ imported: 2, errorCount: 0 });

    const listed = await graphql(
      t.app,
      '{ certifications(first: 10) { edges { node { certificateNumber issuedOn expiresOn employee { id } } } } }',
      {},
      t.tokenFor(hr),
    );
    expect(listed.errors).toBeUndefined();
    const byHolder = new Map(
      (
        listed.data!.certifications.edges as {
          node: { certificateNumber: string; issuedOn: string; expiresOn: string; employee: { id: string } };
        }[]
      ).map(({ node: { employee, ...days } }) => [Number(employee.id), days]),
    );
    expect(byHolder.get(tokyo.id)).toEqual({
      certificateNumber: `${program.code}-2026-000001`,
      issuedOn: '2026-01-01',
      expiresOn: '2027-01-01',
    });
    expect(byHolder.get(kiritimati.id)).toEqual({
      certificateNumber: `${program.code}-2024-000001`,
      issuedOn: '2024-02-29',
      expiresOn: '2025-02-28',
    });
  });

  it("numbers a certificate in the year of its holder's issue day", async () => {
    // 00:30 on 1 January 2027 in Tokyo is still 2026 in UTC.
    expect(await grant('Asia/Tokyo', 12, '2026-12-31T15:30:00Z')).toMatchObject({
      issuedOn: '2027-01-01',
      certificateNumber: expect.stringMatching(/^P\d+-2027-000001$/),
    });
  });
});
