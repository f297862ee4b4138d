/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEmployee, buildStore } from '@lp/testing';
import { BrowserErrors, checkAccessibility, saveScreenshot, useWebTest } from '@lp/testing/browser';

/** Proves the harness on a tiny fixture page rather than the real app. */
describe('the browser test harness', () => {
  const web = useWebTest({ webDistDir: join(__dirname, 'fixtures', 'smoke') });
  const screenshots = mkdtempSync(join(tmpdir(), 'lp-screenshots-'));
  afterAll(() => rmSync(screenshots, { recursive: true, force: true }));

  it('loads a client-side route of the served app in Chromium, scripts running under the CSP', async () => {
    const response = await web.goto('/verify/ABCDE');
    expect(response?.status()).toBe(200);
    await expect(web.page.locator('#route').textContent()).resolves.toBe('Route: /verify/ABCDE');
  });

  it('signs the page in by storing an API token where the app looks for it', async () => {
    const store = await buildStore(web.app.dataSource);
    const employee = await buildEmployee(web.app.dataSource, { storeId: store.id });
    await web.signInAs(employee);
    await web.goto('/');
    await expect(web.page.locator('#token').textContent()).resolves.toBe('Signed in');
    await web.signOut();
    await web.page.reload();
    await expect(web.page.locator('#token').textContent()).resolves.toBe('Signed out');
  });

  it('passes an accessible page and names the violations of an inaccessible one', async () => {
    await web.goto('/');
    await checkAccessibility(web.page);
    await web.page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(image);
    });
    await expect(checkAccessibility(web.page)).rejects.toThrow(/image-alt \(critical\)/);
  });

  it('saves a screenshot as a PNG', async () => {
    await web.goto('/');
    const file = await saveScreenshot(web.page, 'harness-smoke', { dir: screenshots });
    expect(file).toBe(join(screenshots, 'harness-smoke.png'));
    expect(existsSync(file!)).toBe(true);
    expect(readFileSync(file!).subarray(1, 4).toString()).toBe('PNG');
  });

  it('catches console errors, CSP violations and uncaught exceptions, unless a test allows them', async () => {
    const errors = new BrowserErrors();
    const page = await web.context.newPage();
    errors.watch(page);
    try {
      await page.goto(`${web.baseUrl}/`);
      await page.evaluate(() => {
        console.error('expected failure');
        const inline = document.createElement('script');
        inline.textContent = 'window.inlineRan = true';
        document.head.append(inline);
        setTimeout(() => {
          throw new Error('thrown by the page');
        });
      });
      await page.waitForEvent('pageerror');
      const seen = errors.takeAndReset().join('\n');
      expect(seen).toContain('console error: expected failure');
      expect(seen).toMatch(/Content Security Policy/);
      expect(seen).toContain('uncaught Error: thrown by the page');

      errors.allow(/expected failure/);
      await page.evaluate(() => console.error('expected failure'));
      expect(errors.takeAndReset()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
