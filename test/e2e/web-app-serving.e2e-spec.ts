import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '@lp/testing';

const INDEX = '<!doctype html><html lang="en"><title>LP</title><div id="root"></div></html>';
const ASSET = 'console.log("app");';

describe('the API serving the web app', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lp-web-'));
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), INDEX);
    writeFileSync(join(folder, 'assets', 'index-4f3a9c.js'), ASSET);
    t = await createTestApp({ env: { WEB_DIST_DIR: folder } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const page = (path: string) => request(t.app.getHttpServer()).get(path).set('Accept', 'text/html,*/*;q=0.8');

  it('serves index.html at / without letting browsers cache it', async () => {
    const response = await page('/');
    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html for a client-side route, so deep links and reloads work', async () => {
    for (const path of ['/verify/ABCD-EFGH', '/certificates', '/certificates/12', '/reports']) {
      const response = await page(path);
      expect([path, response.status, response.text]).toEqual([path, 200, INDEX]);
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await request(t.app.getHttpServer()).get('/assets/index-4f3a9c.js');
    expect(response.status).toBe(200);
    expect(response.text).toBe(ASSET);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404, not the page', async () => {
    const response = await request(t.app.getHttpServer()).get('/assets/gone.js').set('Accept', '*/*');
    expect(response.status).toBe(404);
  });

  it('leaves the API paths to the API', async () => {
    const health = await page('/health');
    expect(health.headers['content-type']).toMatch(/json/);
    const report = await page('/reports/certifications.csv');
    expect(report.status).toBe(401);
    const certificate = await page('/certificates/12.pdf');
    expect(certificate.status).toBe(401);
    const graphiql = await page('/graphiql');
    expect(graphiql.text).toContain('GraphiQL');
  });

  it('lets the app load its own scripts, data: QR codes and blob: downloads, and keeps GraphiQL working', async () => {
    const policy = (await page('/')).headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toMatch(/img-src 'self' data: blob:/);
    expect(policy).not.toContain('upgrade-insecure-requests');
    const graphiqlPolicy = (await page('/graphiql')).headers['content-security-policy'];
    expect(graphiqlPolicy).toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('the API without a web build', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lp-web-empty-'));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { WEB_DIST_DIR: folder } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('still starts, and / says how to build the web app', async () => {
    const response = await request(t.app.getHttpServer()).get('/').set('Accept', 'text/html');
    expect(response.status).toBe(503);
    expect(response.text).toContain('npm run build');
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
  });
});
