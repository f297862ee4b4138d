import { inflateSync } from 'node:zlib';
import request from 'supertest';
import type { CertificationEntity } from '@lp/certification';
import { CertificationSource, RenewalBasis } from '@lp/certification';
import { Role } from '@lp/organisation';
import {
  buildEmployee,
  buildOrgChart,
  buildProgram,
  buildStore,
  createTestApp,
  graphql,
  type OrgChart,
  type TestApp,
} from '@lp/testing';

const APP_URL = 'https://academy.example.com';

/**
 * Each object of a PDF by number, with its stream inflated (pdfkit deflates them all). A
 * stream is read by its /Length, not up to `endstream`: its last byte may be a carriage
 * return, which a pattern for the line break before `endstream` would take away.
 */
function objectsOf(pdf: Buffer): Map<string, { body: string; stream: string }> {
  const objects = new Map<string, { body: string; stream: string }>();
  for (const [, id, body] of pdf.toString('latin1').matchAll(/(\d+) 0 obj\s([\s\S]*?)endobj/g)) {
    const start = /stream\r?\n/.exec(body);
    const length = Number(/\/Length (\d+)/.exec(body)?.[1]);
    const data =
      start && length ? body.slice(start.index + start[0].length, start.index + start[0].length + length) : '';
    let stream = '';
    try {
      stream = data ? inflateSync(Buffer.from(data, 'latin1')).toString('latin1') : '';
    } catch {
      // not deflated: a font file or an image
    }
    objects.set(id, { body, stream });
  }
  return objects;
}

/** A font's ToUnicode map: pdfkit writes `<first> <last> [<utf-16be> …]` ranges. */
function toUnicodeOf(cmap: string): Map<number, string> {
  const characters = new Map<number, string>();
  for (const [, first, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
    [...entries.matchAll(/<([0-9a-f ]*)>/g)].forEach(([, hex], index) => {
      characters.set(
        parseInt(first, 16) + index,
        Buffer.from(hex.replace(/ /g, ''), 'hex').swap16().toString('utf16le'),
      );
    });
  }
  return characters;
}

/**
 * The text a PDF shows, line by line. pdfkit embeds the certificate's fonts and writes its
 * text as glyph numbers (four hex digits each) after `/Fn size Tf`; each font's ToUnicode
 * map turns them back into characters.
 */
function textOf(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { body } of objects.values()) {
    for (const [, name, id] of /\/Font\s*<<([^>]*)>>/.exec(body)?.[1].matchAll(/\/(\w+)\s+(\d+) 0 R/g) ?? []) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id)?.body ?? '')?.[1];
      if (toUnicode) fonts.set(name, toUnicodeOf(objects.get(toUnicode)!.stream));
    }
  }
  let text = '';
  for (const { stream } of objects.values()) {
    let font = new Map<number, string>();
    for (const [, name, shown] of stream.matchAll(/\/(\w+) [\d.]+ Tf|\[(.*?)\] TJ/g)) {
      if (name) font = fonts.get(name) ?? new Map();
      else
        text +=
          [...shown.matchAll(/<([0-9a-f]*)>/g)]
            .flatMap(([, hex]) => hex.match(/.{4}/g) ?? [])
            .map((glyph) => font.get(parseInt(glyph, 16)) ?? '?')
            .join('') + '\n';
    }
  }
  return text;
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('the printable certificate PDF', () => {
  let t: TestApp;
  let org: OrgChart;
  let certification: CertificationEntity;

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_URL, RATE_LIMIT_PDF_PER_ACCOUNT: '5', RATE_LIMIT_WINDOW_SECONDS: '600' } });
    // This worker's database may hold what an earlier test file left (the org chart's codes would collide)
    await t.reset();
    org = await buildOrgChart(t.dataSource);
    const program = await buildProgram(t.dataSource, { code: 'LPF', name: 'LP Foundations' });
    const granted = await graphql(
      t.app,
      `
        mutation ($employeeId: ID!, $programId: ID!) {
          grantCertification(employeeId: $employeeId, programId: $programId) {
            id
          }
        }
      `,
      { employeeId: org.people.employee.id, programId: program.id },
      t.tokenFor(org.people.hr),
    );
    const id = Number(granted.data!.grantCertification.id);
    certification = await t.dataSource
      .getRepository<CertificationEntity>('CertificationEntity')
      .findOneByOrFail({ id });
    expect(certification.source).toBe(CertificationSource.MANUAL_GRANT);
  });
  afterAll(() => t.close());

  const download = (path: string, who?: { id: number }) => {
    const call = request(t.app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return who ? call.set('Authorization', `Bearer ${t.tokenFor(who)}`) : call;
  };

  it('lets the holder download a one-page certificate with their name and a verification link', async () => {
    const response = await download(`/certificates/${certification.id}.pdf`, org.people.employee);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="lp-academy-certificate-${certification.verificationCode}.pdf"`,
    );
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const text = textOf(pdf);
    expect(text).toContain(`${org.people.employee.firstName} ${org.people.employee.lastName}`);
    expect(text).toContain('LP Foundations');
    expect(text).toContain(certification.certificateNumber);
    expect(text).toContain(`${APP_URL}/verify/${certification.verificationCode}`);
    expect(text).not.toContain('REVOKED');
  });

  it('prints a name in any Latin, Greek or Cyrillic alphabet as it is spelt', async () => {
    const renamed = await graphql(
      t.app,
      `
        mutation ($id: ID!, $input: UpdateEmployeeInput!) {
          updateEmployee(id: $id, input: $input) {
            firstName
            lastName
          }
        }
      `,
      { id: String(org.people.employee.id), input: { firstName: 'Łukasz Ελένη', lastName: 'Dvořák-Şahin Иванова' } },
      t.tokenFor(org.people.hr),
    );
    expect(renamed.errors).toBeUndefined();
    const response = await download(`/certificates/${certification.id}.pdf`, org.people.employee);
    expect({ status: response.status, body: response.status === 200 ? 'a PDF' : String(response.body) }).toEqual({
      status: 200,
      body: 'a PDF',
    });
    expect(textOf(response.body as Buffer)).toContain('Łukasz Ελένη Dvořák-Şahin Иванова');
  });

  it('lets the holder’s managers and HR download it', async () => {
    for (const who of [org.people.manager, org.people.regional, org.people.hr, org.people.admin]) {
      const response = await download(`/certificates/${certification.id}.pdf`, who);
      expect(response.status).toBe(200);
    }
  });

  it('gives managers their own certificate, also when they work outside the stores they manage', async () => {
    const relief = await buildEmployee(t.dataSource, {
      storeId: org.stores.n2.id,
      role: Role.STORE_MANAGER,
      managedStoreIds: [org.stores.s1.id],
    });
    const granted = await graphql(
      t.app,
      `
        mutation ($employeeId: ID!, $programId: ID!) {
          grantCertification(employeeId: $employeeId, programId: $programId) {
            id
          }
        }
      `,
      { employeeId: relief.id, programId: certification.programId },
      t.tokenFor(org.people.hr),
    );
    const path = `/certificates/${granted.data!.grantCertification.id}.pdf`;
    expect((await download(path, relief)).status).toBe(200);
    expect((await download(path, org.people.s1Manager)).status).toBe(404);
  });

  it('answers 404 to anyone who cannot see the holder, as for a certificate that does not exist', async () => {
    for (const who of [org.people.colleague, org.people.s1Manager, org.people.n2Employee]) {
      const response = await download(`/certificates/${certification.id}.pdf`, who);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
    }
    for (const path of ['/certificates/999999.pdf', '/certificates/abc.pdf', `/certificates/${certification.id}`]) {
      expect((await download(path, org.people.hr)).status).toBe(404);
    }
  });

  it('answers 401 without a token', async () => {
    const response = await download(`/certificates/${certification.id}.pdf`);
    expect(response.status).toBe(401);
    expect(response.headers['content-disposition']).toBeUndefined();
  });

  it('still gives a revoked certificate to its holder, stamped REVOKED', async () => {
    await graphql(
      t.app,
      `
        mutation ($id: ID!) {
          revokeCertification(id: $id, reason: "Issued in error") {
            id
          }
        }
      `,
      { id: String(certification.id) },
      t.tokenFor(org.people.hr),
    );
    const response = await download(`/certificates/${certification.id}.pdf`, org.people.employee);
    expect(response.status).toBe(200);
    expect(pageCount(response.body as Buffer)).toBe(1);
    expect(textOf(response.body as Buffer)).toContain('REVOKED');
  });

  it('draws an account five certificates a window, then answers 429 with Retry-After; other accounts still get theirs', async () => {
    const statuses: number[] = [];
    let refused: request.Response | undefined;
    while (!refused && statuses.length <= 5) {
      const response = await download(`/certificates/${certification.id}.pdf`, org.people.hr);
      statuses.push(response.status);
      if (response.status !== 200) refused = response;
    }
    expect(refused?.status).toBe(429);
    expect((refused?.body as Buffer).toString()).toMatch(/^TOO_MANY_REQUESTS/);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(5);
    expect((await download(`/certificates/${certification.id}.pdf`, org.people.employee)).status).toBe(200);
  });

  it("prints the dates as they fall in the holder's store, as the expiry emails and the verification page do", async () => {
    t.clock.set(new Date('2026-03-01T12:00:00Z'));
    const store = await buildStore(t.dataSource, { timezone: 'America/Los_Angeles' });
    const holder = await buildEmployee(t.dataSource, { storeId: store.id });
    // 03:00 UTC on 10 February is 19:00 on the 9th in Los Angeles.
    const granted = await graphql(
      t.app,
      `
        mutation ($employeeId: ID!, $programId: ID!) {
          grantCertification(employeeId: $employeeId, programId: $programId, issuedAt: "2026-02-10T03:00:00Z") {
            id
            verificationCode
            expiresAt
          }
        }
      `,
      { employeeId: holder.id, programId: certification.programId },
      t.tokenFor(org.people.hr),
    );
    expect(granted.data!.grantCertification.expiresAt).toBe('2027-02-10T03:00:00.000Z');
    const response = await download(`/certificates/${granted.data!.grantCertification.id}.pdf`, holder);
    const text = textOf(response.body as Buffer);
    expect(text).toMatch(/ISSUED\n9 February 2026\n/);
    expect(text).toMatch(/VALID UNTIL\n9 February 2027\n/);

    const verified = await graphql(
      t.app,
      'query ($code: String!) { verifyCertificate(code: $code) { issuedOn expiresOn } }',
      {
        code: granted.data!.grantCertification.verificationCode,
      },
    );
    expect(verified.data!.verifyCertificate).toEqual({ issuedOn: '2026-02-09', expiresOn: '2027-02-09' });
  });

  it("ends a fixed expiry date with that day in the holder's zone, and prints that day, east of UTC too", async () => {
    t.clock.set(new Date('2026-03-01T12:00:00Z'));
    const store = await buildStore(t.dataSource, { timezone: 'Asia/Tokyo' });
    const holder = await buildEmployee(t.dataSource, { storeId: store.id });
    const program = await buildProgram(t.dataSource, {
      renewalBasis: RenewalBasis.FIXED_DATE,
      fixedExpiryDate: '04-01',
      recertifyWindowDays: 30,
    });
    const granted = await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id expiresAt } }',
      { e: holder.id, p: program.id },
      t.tokenFor(org.people.hr),
    );
    // The end of 1 April 2027 in Tokyo: the certificate, the emails and the web app all show the 1st there.
    expect(granted.data!.grantCertification.expiresAt).toBe('2027-04-01T14:59:59.000Z');
    const text = textOf(
      (await download(`/certificates/${granted.data!.grantCertification.id}.pdf`, holder)).body as Buffer,
    );
    expect(text).toMatch(/VALID UNTIL\n1 April 2027\n/);
  });
});
