/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { useWebTest } from '@lp/testing/browser';
import { employeeByEmail, seedDemoChain } from './demo-chain';

const SLOW = 180_000;
/** The narrowest phone the store staff use: 360 CSS pixels wide. */
const PHONE = { width: 360, height: 640 };

/** What sticks out to the right of a phone's screen: the page scrolls sideways to show it. */
async function widerThanTheScreen(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    const scrollsItself = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > screen + 0.5)
      .filter((element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (scrollsItself(parent)) return false;
        }
        return true;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`);
  });
}

/** Store staff on their own phone: every page fits the screen's width, and Sign out stays on it. */
describe('the web app on a 360 px phone', () => {
  const web = useWebTest();
  beforeAll(async () => {
    await seedDemoChain(web.app);
    await web.page.setViewportSize(PHONE);
  }, SLOW);

  async function expectToFit(path: string, heading: string | RegExp): Promise<void> {
    await web.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect({ path, wider: await widerThanTheScreen(web.page) }).toEqual({ path, wider: [] });
    const signOut = await web.page.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(PHONE.width);
  }

  it(
    "fits an employee's pages: training, a course, a lesson, the quiz and its result, certificates",
    async () => {
      const page = web.page;
      await web.signInAs(await employeeByEmail(web.app, 'employee@example.com'));
      await web.goto('/training');
      await expectToFit('/training', 'My training');
      await page.getByRole('link', { name: 'Start: Working with Law Enforcement' }).click();
      await expectToFit('course', 'Working with Law Enforcement');
      await page.getByRole('link', { name: 'Start reading' }).click();
      await page.getByText('Lesson 1 of').waitFor();
      await expectToFit('lesson', /./);

      await web.goto('/training');
      await page.getByRole('link', { name: 'Continue: Theft Prevention on the Sales Floor' }).click();
      await page.getByRole('link', { name: 'Take the quiz' }).click();
      await expectToFit('quiz', /^Quiz:/);
      await page.getByRole('button', { name: 'Start the quiz' }).click();
      await page.getByRole('timer').waitFor();
      await expectToFit('quiz started', /^Quiz:/);
      await page.getByRole('button', { name: 'All on one page' }).click();
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await page.getByRole('button', { name: 'Submit anyway' }).click();
      await expectToFit('quiz result', /^Result:/);

      await web.goto('/my-certificates');
      await expectToFit('/my-certificates', 'My certificates');
      const download = await page
        .getByRole('button', { name: /^Download certificate/ })
        .first()
        .boundingBox();
      expect(download!.x + download!.width).toBeLessThanOrEqual(PHONE.width);
    },
    SLOW,
  );

  it(
    "fits a store manager's pages: the dashboard, assigning, people and a person's record",
    async () => {
      const page = web.page;
      await web.signInAs(await employeeByEmail(web.app, 'manager@example.com'));
      await web.goto('/store');
      await expectToFit('/store', /./);
      await web.goto('/store/assign');
      await expectToFit('/store/assign', 'Assign a refresher');
      await web.goto('/people');
      await expectToFit('/people', 'People');
      await page.getByRole('link', { name: 'Ada Admin' }).first().click();
      await expectToFit('a person', 'Ada Admin');
    },
    SLOW,
  );

  it(
    'fits the compliance page of HR and of a regional manager, its trend chart included',
    async () => {
      for (const email of ['hr@example.com', 'regional@example.com']) {
        await web.signInAs(await employeeByEmail(web.app, email));
        await web.goto('/compliance');
        await web.page.locator('figure.trend').waitFor();
        await expectToFit(`/compliance as ${email}`, 'Compliance');
        // The drawing keeps its height on a narrow screen, and its labels are text at a readable size.
        expect((await web.page.locator('figure.trend svg').boundingBox())!.height).toBeGreaterThanOrEqual(120);
        const labelSizes = await web.page
          .locator('.trend-axis li, .trend-days span')
          .evaluateAll((labels) => labels.map((label) => parseFloat(getComputedStyle(label).fontSize)));
        expect(Math.min(...labelSizes)).toBeGreaterThanOrEqual(12);
      }
    },
    SLOW,
  );

  it(
    "fits HR's imports: the employee form, a file's problems by line, what an import applied, and the certification form",
    async () => {
      const page = web.page;
      await web.signInAs(await employeeByEmail(web.app, 'hr@example.com'));
      await web.goto('/import');
      await expectToFit('/import', 'Import employees');
      const importLines = async (...lines: string[]) => {
        await page
          .getByLabel('Or paste the lines')
          .fill(['employee_number,first_name,last_name,email,job_role,store_code,role,hire_date', ...lines].join('\n'));
        await page.getByRole('button', { name: 'Import' }).click();
      };

      await importLines(
        'E9101,Olivia,Smith,olivia.smith.9101@example.com,CASHIER,S001,,2025-03-01',
        'E9102,Liam,Jones,,CASHIER,S999,,',
      );
      await page.getByRole('heading', { name: 'Problems by line' }).waitFor();
      await expectToFit('import problems', 'Import employees');

      await importLines('E9101,Olivia,Smith,olivia.smith.9101@example.com,CASHIER,S001,,2025-03-01');
      await page.getByText('The file was applied.').waitFor();
      await expectToFit('import applied', 'Import employees');

      await web.goto('/import/certifications');
      await expectToFit('/import/certifications', 'Import certifications');
    },
    SLOW,
  );
});
