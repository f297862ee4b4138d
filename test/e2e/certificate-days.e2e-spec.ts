import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { RenewalBasis } from '@lp/certification';
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
