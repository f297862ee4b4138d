/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@lp/demo';
import { graphql } from '@lp/testing';
import { checkAccessibility, saveScreenshot, useWebTest } from '@lp/testing/browser';
import {
  correctOptionIds,
  employeeByEmail,
  firstMissingPersonOf,
  planOverdueReminders,
  seedDemoChain,
  validVerificationCode,
} from './demo-chain';

const SLOW = 180_000;

const CHAIN_TREND = `query ($programId: ID!, $from: String!, $to: String!) {
  chainComplianceTrend(programId: $programId, from: $from, to: $to) { day compliancePercent }
}`;
const REGION_TREND = `query ($regionId: ID!, $programId: ID!, $from: String!, $to: String!) {
  regionComplianceTrend(regionId: $regionId, programId: $programId, from: $from, to: $to) { day compliancePercent }
}`;

interface TrendDay {
  day: string;
  compliancePercent: number;
}

/** Today's UTC day moved by `days`, YYYY-MM-DD: the days of the snapshots. */
const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A YYYY-MM-DD day as the web app writes it in the browser's en-GB. */
const written = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The trend chart draws the API's days, one point each, and its caption states the first and last figures. */
async function expectChart(page: Page, title: string, days: TrendDay[]): Promise<void> {
  const [first, last] = [days[0], days[days.length - 1]];
  const caption =
    `${title}: ${first.compliancePercent.toFixed(1)}% on ${written(first.day)}, ` +
    `${last.compliancePercent.toFixed(1)}% on ${written(last.day)}`;
  const figure = page.getByRole('figure', { name: caption });
  await figure.waitFor();
  const points = (await figure.locator('polyline').getAttribute('points'))!.split(' ');
  // The drawing's y is 100 minus the percentage.
  expect(points.map((point) => Number((100 - Number(point.split(',')[1])).toFixed(1)))).toEqual(
    days.map((day) => day.compliancePercent),
  );
}

/** The web app served by the API, driven through the demo chain the way its users would. */
describe('the web app', () => {
  const web = useWebTest();
  beforeAll(async () => {
    await seedDemoChain(web.app);
    await planOverdueReminders(web.app);
  }, SLOW);

  const signInAs = async (email: string) => web.signInAs(await employeeByEmail(web.app, email));

  /** Waits for the page's heading and for every loading state to end. */
  async function settled(page: Page, heading: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
  }

  async function open(path: string, heading: string | RegExp): Promise<Page> {
    await web.goto(path);
    await settled(web.page, heading);
    return web.page;
  }

  async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
    const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
  }

  async function statValue(page: Page, label: string): Promise<string> {
    return (await page.locator('.stat', { hasText: label }).locator('.stat-value').textContent()) ?? '';
  }

  it(
    'lets an employee sign in, read a lesson, pass a quiz and download the certificate',
    async () => {
      const page = web.page;
      await web.signOut();
      await open('/sign-in', 'Sign in');
      await checkAccessibility(page);
      await saveScreenshot(page, 'sign-in');
      await page.getByLabel('Email').fill('employee@example.com');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('That email and password do not match an account.').waitFor();
      await checkAccessibility(page);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await settled(page, 'My training');
      await checkAccessibility(page);
      await saveScreenshot(page, 'my-training');

      await page.getByRole('link', { name: 'Start: Working with Law Enforcement' }).click();
      await settled(page, 'Working with Law Enforcement');
      await checkAccessibility(page);
      await page.getByRole('link', { name: 'Start reading' }).click();
      await page.getByText('Lesson 1 of').waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'lesson');
      await page.getByRole('button', { name: 'Mark as read and continue' }).click();
      await page.getByText('Lesson 2 of').waitFor();
      await page.getByRole('link', { name: '← Working with Law Enforcement' }).click();
      await settled(page, 'Working with Law Enforcement');
      expect(await page.getByText('(done)').count()).toBe(1);

      // Theft Prevention has every lesson read: its quiz is open
      await open('/training', 'My training');
      await page.getByRole('link', { name: 'Continue: Theft Prevention on the Sales Floor' }).click();
      await page.getByRole('link', { name: 'Take the quiz' }).click();
      await settled(page, /^Quiz:/);
      await checkAccessibility(page);
      await page.getByRole('button', { name: 'Start the quiz' }).click();
      await page.getByRole('timer').waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'quiz');

      const correct = new Set(await correctOptionIds(web.app));
      const answerVisible = async () => {
        for (const input of await page.locator('fieldset.question input').all()) {
          if (correct.has((await input.getAttribute('value')) ?? '')) await input.check();
        }
      };
      expect(await page.locator('fieldset.question').count()).toBe(1);
      await answerVisible();
      await page.getByRole('button', { name: 'Next question' }).click();
      await page.getByText(/^Question 2 of/).waitFor();
      await page.getByRole('button', { name: 'All on one page' }).click();
      const questions = await page.locator('fieldset.question').count();
      expect(questions).toBeGreaterThan(1);
      await answerVisible();
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await settled(page, /^Result:/);
      await page.getByText('You passed').waitFor();
      expect(await page.locator('.review-item').count()).toBe(questions);
      expect(await page.locator('.review-item.wrong').count()).toBe(0);
      await checkAccessibility(page);
      await saveScreenshot(page, 'quiz-result');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My certificates' }).click();
      await settled(page, 'My certificates');
      await checkAccessibility(page);
      await saveScreenshot(page, 'my-certificates');
      const pdf = await downloadOf(page, () =>
        page
          .getByRole('button', { name: /^Download certificate/ })
          .first()
          .click(),
      );
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    },
    SLOW,
  );

  it(
    'shows anyone whether a certificate is valid',
    async () => {
      await web.signOut();
      const page = await open(`/verify/${await validVerificationCode(web.app)}`, 'Verify a certificate');
      await page.getByText('Valid certificate').waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'verify');

      await page.getByLabel('Verification code').fill('NOT-A-REAL-CODE');
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByText('No certificate has this code').waitFor();
    },
    SLOW,
  );

  it(
    'lets a store manager assign a refresher and see the store figures change',
    async () => {
      await signInAs('manager@example.com');
      const page = await open('/store', 'Store dashboard');
      const before = Number(await statValue(page, 'Open assignments'));
      const missing = await firstMissingPersonOf(web.app, 'manager@example.com');
      await page
        .getByRole('region', { name: /^Missing / })
        .getByRole('link', { name: missing })
        .first()
        .waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'store-dashboard');

      await page.getByRole('link', { name: 'Assign a refresher' }).click();
      await settled(page, 'Assign a refresher');
      await page.getByLabel('Course').selectOption({ label: 'Surveillance and Monitoring' });
      await page.getByLabel('Cashier').check();
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      const confirmation = page.locator('.alert-success');
      await confirmation.waitFor();
      const created = Number(/(\d+) new assignment/.exec((await confirmation.textContent()) ?? '')?.[1]);
      expect(created).toBeGreaterThan(0);
      await checkAccessibility(page);
      await saveScreenshot(page, 'assign-refresher');

      await page.getByRole('link', { name: 'Back to the dashboard' }).click();
      await settled(page, 'Store dashboard');
      await page.waitForFunction(
        (expected) =>
          [...document.querySelectorAll('.stat')].some(
            (stat) => stat.textContent?.includes('Open assignments') && stat.textContent.endsWith(String(expected)),
          ),
        before + created,
      );

      await page.getByRole('region', { name: 'Overdue assignments' }).getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Assignments' }).waitFor();
      await settled(page, /\w/);
      await checkAccessibility(page);
      await saveScreenshot(page, 'employee-record');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
      await settled(page, 'People');
      await page.getByRole('region', { name: 'People' }).waitFor();
      await checkAccessibility(page);
    },
    SLOW,
  );

  it(
    'gives HR the chain compliance, a certification search with CSV export, the notifications log and programmes',
    async () => {
      await signInAs('hr@example.com');
      let page = await open('/compliance', 'Compliance');
      await page.getByRole('region', { name: 'Stores ranked by compliance' }).waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'compliance');
      const ranking = await downloadOf(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
      expect(ranking.name).toMatch(/\.csv$/);
      expect(ranking.body.toString().split('\n').length).toBeGreaterThan(6);

      page = await open('/certifications', 'Certifications');
      await page.getByLabel('Status').selectOption('EXPIRING');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('tbody tr')].every((row) => row.textContent?.includes('Expiring')),
      );
      await checkAccessibility(page);
      await saveScreenshot(page, 'certifications');
      const list = await downloadOf(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
      expect(list.name).toMatch(/\.csv$/);

      page = await open('/notifications', 'Notifications');
      await page.getByLabel('Status').selectOption('SENT');
      await page.getByText('Page 1 of 1 · 8 in all').waitFor();
      await page.getByLabel('Status').selectOption('');
      await page.getByText('Page 1 of 1 · 12 in all').waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'notifications');

      page = await open('/programmes', 'Programmes');
      await page.getByRole('cell', { name: 'LP Foundations' }).waitFor();
      await checkAccessibility(page);
    },
    SLOW,
  );

  it(
    'shows HR and a regional manager the 90-day compliance trend the API reports, for their scope and a region',
    async () => {
      const page = web.page;
      const hr = await employeeByEmail(web.app, 'hr@example.com');
      const regional = await employeeByEmail(web.app, 'regional@example.com');
      const trend = async (who: { id: number }, programId: string, regionId?: string) => {
        const period = { programId, from: utcDay(-89), to: utcDay(0) };
        const result = regionId
          ? await graphql(web.app.app, REGION_TREND, { ...period, regionId }, web.app.tokenFor(who))
          : await graphql(web.app.app, CHAIN_TREND, period, web.app.tokenFor(who));
        expect(result.errors).toBeUndefined();
        return (result.data!.regionComplianceTrend ?? result.data!.chainComplianceTrend) as TrendDay[];
      };
      const chosenProgramme = async () => {
        const select = page.getByLabel('Trend programme');
        return { id: await select.inputValue(), name: (await select.locator('option:checked').textContent())! };
      };

      await web.signInAs(hr);
      await open('/compliance', 'Compliance');
      let programme = await chosenProgramme();
      const chain = await trend(hr, programme.id);
      // The demo keeps four weeks of daily snapshots.
      expect(chain.length).toBeGreaterThanOrEqual(28);
      await expectChart(page, `${programme.name} compliance of the chain`, chain);
      await checkAccessibility(page);
      await saveScreenshot(page, 'compliance-trend');

      const programmes = page.getByLabel('Trend programme').locator('option');
      expect(await programmes.count()).toBeGreaterThan(1);
      await page.getByLabel('Trend programme').selectOption({ index: 1 });
      await page.getByLabel('Trend of').selectOption({ label: 'WEST · West Coast' });
      programme = await chosenProgramme();
      const westId = await page.getByLabel('Trend of').inputValue();
      await expectChart(page, `${programme.name} compliance of West Coast`, await trend(hr, programme.id, westId));

      // A regional manager's whole scope is their region: the same line HR sees for it.
      const [{ id: regionId, name: regionName }] = await web.app.dataSource.query(
        `SELECT r.id, r.name FROM region_managers rm JOIN regions r ON r.id = rm.region_id WHERE rm.employee_id = ?`,
        [regional.id],
      );
      await web.signInAs(regional);
      await open('/compliance', 'Compliance');
      programme = await chosenProgramme();
      const own = await trend(regional, programme.id);
      expect(own).toEqual(await trend(hr, programme.id, String(regionId)));
      expect(own).not.toEqual(await trend(hr, programme.id));
      await expectChart(page, `${programme.name} compliance of region ${regionName}`, own);
      await checkAccessibility(page);
    },
    SLOW,
  );

  it(
    'shows HR the line of a CSV import that stopped it',
    async () => {
      await signInAs('hr@example.com');
      const page = await open('/import', 'Import employees');
      await page
        .getByLabel('Or paste the lines')
        .fill(
          [
            'employee_number,first_name,last_name,email,job_role,store_code,role,hire_date',
            'E9001,Olivia,Smith,,CASHIER,S001,,2025-03-01',
            'E9002,Liam,Jones,,CASHIER,S999,,',
          ].join('\n'),
        );
      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Problems by line' }).waitFor();
      const rows = page.getByRole('region', { name: 'Import problems' }).locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toMatch(/^3.*S999/);
      await page.getByText('Nothing was imported: 1 problem').waitFor();
      await checkAccessibility(page);
      await saveScreenshot(page, 'import-errors');
      const [{ hired }] = await web.app.dataSource.query(
        "SELECT COUNT(*) AS hired FROM employees WHERE employee_number IN ('E9001', 'E9002')",
      );
      expect(Number(hired)).toBe(0);
    },
    SLOW,
  );

  it(
    'lets HR import certifications from an old system, beside the employee import',
    async () => {
      await signInAs('hr@example.com');
      const page = await open('/import', 'Import employees');
      await page.getByRole('link', { name: 'Import certifications' }).click();
      await settled(page, 'Import certifications');
      const [{ number }] = await web.app.dataSource.query(
        `SELECT e.employee_number AS number FROM employees e
          WHERE e.active = 1 AND NOT EXISTS (SELECT 1 FROM certifications c
            JOIN certification_programs p ON p.id = c.program_id WHERE c.employee_id = e.id AND p.code = 'LPF')
          ORDER BY e.id LIMIT 1`,
      );
      const header = 'employee_number,program_code,issued_on,expires_on,certificate_number';
      const imported = async () =>
        Number(
          (
            await web.app.dataSource.query(
              "SELECT COUNT(*) AS n FROM certifications WHERE certificate_number = 'OLD-77'",
            )
          )[0].n,
        );

      await page
        .getByLabel('Or paste the lines')
        .fill([header, `${number},LPF,2025-09-14,,OLD-77`, `${number},NOPE,2025-09-14,,`].join('\n'));
      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Problems by line' }).waitFor();
      const rows = page.getByRole('region', { name: 'Import problems' }).locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toMatch(/^3.*NOPE/);
      await checkAccessibility(page);
      expect(await imported()).toBe(0);

      await page.getByLabel('Or paste the lines').fill([header, `${number},LPF,2025-09-14,,OLD-77`].join('\n'));
      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByText('The certificates were issued; each can be verified by its code.').waitFor();
      expect(await statValue(page, 'Imported')).toBe('1');
      await checkAccessibility(page);
      expect(await imported()).toBe(1);
    },
    SLOW,
  );

  it(
    'lets an admin write a lesson with a markdown preview and publish the course',
    async () => {
      await signInAs('admin@example.com');
      let page = await open('/admin/courses', 'Courses');
      await checkAccessibility(page);
      await page.getByRole('link', { name: 'Loss Prevention Basics' }).click();
      await settled(page, 'Loss Prevention Basics');
      await page.getByRole('button', { name: 'Open a draft' }).click();
      await page.getByRole('button', { name: 'Add a lesson' }).click();
      await page.getByLabel('Lesson title').fill('Reporting a near miss');
      await page
        .getByLabel('Body (markdown)')
        .fill(
          '## Why it matters\n\nA **near miss** tells us where the next loss will come from.\n\n- What\n- Where\n- When',
        );
      await page.getByRole('tab', { name: 'Preview' }).click();
      await page.locator('.preview strong', { hasText: 'near miss' }).waitFor();
      await checkAccessibility(page);
      await page.getByRole('tab', { name: 'Preview' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'course-editor', { fullPage: false });
      await page.getByRole('button', { name: 'Save lesson' }).click();
      await page.getByText('Reporting a near miss').waitFor();
      await page.getByRole('button', { name: /^Publish version/ }).click();
      await page.getByText(/is published: learners take it from now on/).waitFor();
      page = await open('/admin/courses', 'Courses');
      await page.getByRole('cell', { name: 'Version 2' }).first().waitFor();
    },
    SLOW,
  );

  it(
    'sends someone whose session ended to the sign-in page, then back where they were going',
    async () => {
      const page = web.page;
      await web.signOut();
      await page.evaluate(() => localStorage.setItem('lp-academy.token', 'an-expired-token'));
      await open('/my-certificates', 'Sign in');
      expect(await page.evaluate(() => localStorage.getItem('lp-academy.token'))).toBeNull();
      await page.getByLabel('Email').fill('employee@example.com');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await settled(page, 'My certificates');
    },
    SLOW,
  );

  it(
    'can be used with the keyboard alone',
    async () => {
      const page = web.page;
      await web.signOut();
      await open('/sign-in', 'Sign in');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
      await page.keyboard.type('manager@example.com');
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await settled(page, 'Store dashboard');
      // After moving to another page, focus starts at its content
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.reload();
      await settled(page, 'Store dashboard');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
      expect(focused).toBe(true);

      // Every control on the page is reachable, and shows where focus is
      const unreachable = await page.evaluate(
        () =>
          [...document.querySelectorAll('main a, main button, main select, main input')].filter(
            (element) => (element as HTMLElement).tabIndex < 0,
          ).length,
      );
      expect(unreachable).toBe(0);
      await page.getByRole('link', { name: 'Assign a refresher' }).focus();
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
    },
    SLOW,
  );

  it(
    'works on a phone-sized screen with the menu behind a button',
    async () => {
      await signInAs('employee@example.com');
      await web.page.setViewportSize({ width: 390, height: 844 });
      try {
        const page = await open('/training', 'My training');
        await saveScreenshot(page, 'phone-my-training');
        const nav = page.getByRole('navigation', { name: 'Main' });
        expect(await nav.isVisible()).toBe(false);
        // With the keyboard: Escape closes the menu and focus goes back to its button
        const menu = page.getByRole('button', { name: 'Menu' });
        await menu.focus();
        await page.keyboard.press('Enter');
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        for (const _ of ['LP Academy', 'Sign out', 'My training']) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe(
          'Main',
        );
        await page.keyboard.press('Escape');
        expect(await nav.isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-toggle');
        await page.getByRole('button', { name: 'Menu' }).click();
        await nav.getByRole('link', { name: 'My certificates' }).click();
        await settled(page, 'My certificates');
        await checkAccessibility(page);
      } finally {
        await web.page.setViewportSize({ width: 1280, height: 800 });
      }
    },
    SLOW,
  );
});
