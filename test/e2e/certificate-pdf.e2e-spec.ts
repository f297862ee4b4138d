import { inflateSync } from 'node:zlib';
import request from 'supertest';
import type { CertificationEntity } from '@lp/certification';
import { CertificationSource } from '@lp/certification';
import { buildOrgChart, buildProgram, createTestApp, graphql, type OrgChart, type TestApp } from '@lp/testing';

const APP_URL = 'https://academy.example.com';

/** The text a PDF shows: pdfkit writes it as hex strings inside deflated content streams. */
function textOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const line of content.matchAll(/\[(.*?)\] TJ/g)) {
      text += [...line[1].matchAll(/<([0-9a-f]*)>/g)]
        .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
        .join('');
      text += '\n';
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
    t = await createTestApp({ env: { APP_URL } });
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

  it('lets the holder’s managers and HR download it', async () => {
    for (const who of [org.people.manager, org.people.regional, org.people.hr, org.people.admin]) {
      const response = await download(`/certificates/${certification.id}.pdf`, who);
      expect(response.status).toBe(200);
    }
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
});
