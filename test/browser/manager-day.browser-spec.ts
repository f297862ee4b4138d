/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { AssignmentEntity, AssignmentStatus } from '@lp/assignments';
import { ProgramAudienceEntity, ProgramCourseEntity } from '@lp/certification';
import { EmployeeEntity, JobRoleEntity, Role, type StoreEntity } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildRegion,
  buildStore,
  wallClock,
} from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "10 Dec 2026", as the app writes a date in the en-GB browser. */
const written = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * A store manager's and a regional manager's day, read from a browser in New York: the regional
 * manager works from head office, far from the Sydney store of the region.
 */
describe("a manager's working day", () => {
  const web = useWebTest({ timezoneId: 'America/New_York' });
  let london: StoreEntity;
  let sydney: StoreEntity;
  let courseId: number;
  let storeManager: EmployeeEntity;
  let regionalManager: EmployeeEntity;
  const sydneyPeople: EmployeeEntity[] = [];

  beforeAll(async () => {
    const ds = web.app.dataSource;
    const region = await buildRegion(ds, { name: 'Pacific' });
    london = await buildStore(ds, { regionId: region.id, timezone: 'Europe/London', name: 'London Bridge' });
    sydney = await buildStore(ds, { regionId: region.id, timezone: 'Australia/Sydney', name: 'Sydney Harbour' });
    const cashier = await ds.getRepository(JobRoleEntity).findOneByOrFail({ code: 'CASHIER' });
    const associate = await ds.getRepository(JobRoleEntity).findOneByOrFail({ code: 'SALES_ASSOCIATE' });
    // A store of 60: 40 cashiers and 20 sales associates.
    await ds.getRepository(EmployeeEntity).insert(
      Array.from({ length: 60 }, (_, i) => ({
        employeeNumber: `L${pad(i)}`,
        email: null,
        firstName: 'Sam',
        lastName: `Person${pad(i)}`,
        jobRoleId: i < 40 ? cashier.id : associate.id,
        role: Role.EMPLOYEE,
        active: true,
        hireDate: '2025-01-06',
        terminatedAt: null,
        passwordHash: null,
        storeId: london.id,
      })),
    );
    for (let i = 0; i < 3; i++) {
      sydneyPeople.push(await buildEmployee(ds, { storeId: sydney.id, jobRoleCode: 'CASHIER' }));
    }
    const { course } = await buildCourse(ds, { lessons: 1, questions: 1 });
    courseId = course.id;
    const program = await buildProgram(ds, { name: 'Cash handling' });
    await ds.getRepository(ProgramCourseEntity).insert({ programId: program.id, courseId });
    await ds
      .getRepository(ProgramAudienceEntity)
      .insert({ programId: program.id, jobRoleId: cashier.id, storeId: null, regionId: null });
    storeManager = await buildEmployee(ds, {
      storeId: london.id,
      role: Role.STORE_MANAGER,
      jobRoleCode: 'STORE_MANAGER',
    });
    regionalManager = await buildEmployee(ds, {
      storeId: london.id,
      role: Role.REGIONAL_MANAGER,
      jobRoleCode: 'STORE_MANAGER',
    });
  }, 60_000);

  afterEach(async () => {
    await web.app.dataSource.query('DELETE FROM assignments');
  });

  async function chooseCourse(): Promise<void> {
    const page = web.page;
    await page.getByLabel('Course', { exact: true }).waitFor();
    const label = (await web.app.dataSource.query('SELECT title FROM courses WHERE id = ?', [courseId]))[0].title;
    await page.getByLabel('Course', { exact: true }).selectOption({ label });
  }

  it("makes the due date the end of that day in the store's time zone, not the reader's", async () => {
    await web.signInAs(regionalManager);
    await web.goto(`/store/assign?store=${sydney.id}`);
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: 'Assign a refresher' }).waitFor();
    await chooseCourse();
    const due = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    await page.getByLabel('Due date').fill(due);
    await page.getByLabel('Everyone in the store').check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('3 new assignments').waitFor();
    const rows = await web.app.dataSource.getRepository(AssignmentEntity).find();
    expect(rows.map((a) => wallClock(a.dueAt, 'Australia/Sydney'))).toEqual(Array(3).fill(`${due} 23:59`));
  });

  it("offers the store's today, not the browser's or UTC's, as the earliest due date", async () => {
    await web.signInAs(regionalManager);
    for (const store of [london, sydney]) {
      await web.goto(`/store/assign?store=${store.id}`);
      await web.page.getByText(store.name).first().waitFor();
      const dueDate = web.page.getByLabel('Due date');
      await dueDate.waitFor();
      const today = wallClock(new Date(), store.timezone).slice(0, 10);
      expect(await dueDate.getAttribute('min')).toBe(today);
    }
  });

  it("shows a person's dates in their store's time zone", async () => {
    const person = sydneyPeople[0];
    // 09:00 in Sydney on the 10th is still the 9th in New York.
    const dueAt = new Date('2026-03-09T22:00:00Z');
    await buildAssignment(web.app.dataSource, { employeeId: person.id, courseId, dueAt });
    await web.signInAs(regionalManager);
    await web.goto(`/people/${person.id}`);
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` }).waitFor();
    await page.getByRole('definition').getByText(written('2025-01-06')).waitFor();
    await page
      .getByRole('region', { name: 'Assignments' })
      .getByRole('cell', { name: written('2026-03-10') })
      .waitFor();
  });

  it('says why nobody was assigned rather than report an empty success', async () => {
    await web.signInAs(storeManager);
    await web.goto(`/store/assign?store=${london.id}`);
    const page = web.page;
    await chooseCourse();
    await page.getByLabel('LP Officer').check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Nobody was assigned: nobody in this store has these job roles.').waitFor();
    expect(await page.locator('.alert-success').count()).toBe(0);

    await page.getByLabel('Everyone in the store').check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('62 new assignments').waitFor();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Nobody new was assigned: all 62 already have this course open.').waitFor();
    await checkAccessibility(page);
  });

  it('refuses a due year past 9999 with the form, rather than fail without a word', async () => {
    await web.signInAs(storeManager);
    await web.goto(`/store/assign?store=${london.id}`);
    const page = web.page;
    await chooseCourse();
    await page.getByLabel('Everyone in the store').check();
    const dueDate = page.getByLabel('Due date');
    await dueDate.click();
    // A slip of the finger in the year: Chromium takes up to six digits there.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('01012026');
    await page.keyboard.type('6');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    expect(await dueDate.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    expect(await web.app.dataSource.getRepository(AssignmentEntity).count()).toBe(0);
  });

  it('refreshes the record when an assignment to cancel was completed meanwhile', async () => {
    const person = sydneyPeople[1];
    const assignment = await buildAssignment(web.app.dataSource, { employeeId: person.id, courseId });
    await web.signInAs(regionalManager);
    await web.goto(`/people/${person.id}`);
    const page = web.page;
    const cancel = page.getByRole('button', { name: /^Cancel / });
    await cancel.waitFor();
    await web.app.dataSource
      .getRepository(AssignmentEntity)
      .update(
        { id: assignment.id },
        { status: AssignmentStatus.COMPLETED, openKey: null, completedAt: web.app.clock.now() },
      );
    page.once('dialog', (dialog) => void dialog.accept());
    await cancel.click();
    await page
      .getByRole('alert')
      .getByText(/already completed/)
      .waitFor();
    await page.getByRole('region', { name: 'Assignments' }).getByRole('cell', { name: 'Completed' }).waitFor();
    expect(await cancel.count()).toBe(0);
  });

  it("gives overdue work more time from the person's record, the day read in their store's time zone", async () => {
    const person = sydneyPeople[0];
    const assignment = await buildAssignment(web.app.dataSource, {
      employeeId: person.id,
      courseId,
      dueAt: new Date(Date.now() - 3 * DAY),
    });
    await web.signInAs(regionalManager);
    await web.goto(`/people/${person.id}`);
    const page = web.page;
    const assignments = page.getByRole('region', { name: 'Assignments' });
    await assignments.getByRole('cell', { name: 'Overdue' }).waitFor();
    const title = (await web.app.dataSource.query('SELECT title FROM courses WHERE id = ?', [courseId]))[0].title;
    await page.getByRole('button', { name: `Change due date of ${title}` }).click();
    const field = page.getByLabel(`New due date for "${title}"`);
    // Never a day before the store's today.
    expect(await field.getAttribute('min')).toBe(wallClock(new Date(), 'Australia/Sydney').slice(0, 10));
    const due = wallClock(new Date(Date.now() + 10 * DAY), 'Australia/Sydney').slice(0, 10);
    await field.fill(due);
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Save due date' }).click();

    await page.getByText(`"${title}" is now due on ${written(due)}.`).waitFor();
    // The form closed under the table: focus is back on the row's button, not at the page's top
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Change due date of ${title}`,
    );
    await assignments.getByRole('cell', { name: 'Assigned' }).waitFor();
    await assignments.getByRole('cell', { name: written(due) }).waitFor();
    const stored = await web.app.dataSource.getRepository(AssignmentEntity).findOneByOrFail({ id: assignment.id });
    expect(wallClock(stored.dueAt, 'Australia/Sydney')).toBe(`${due} 23:59`);
  });

  it('says why a new due date was refused, and shows the assignment as it is now', async () => {
    const person = sydneyPeople[1];
    const assignment = await buildAssignment(web.app.dataSource, { employeeId: person.id, courseId });
    await web.signInAs(regionalManager);
    await web.goto(`/people/${person.id}`);
    const page = web.page;
    await page.getByRole('button', { name: /^Change due date of / }).click();
    await web.app.dataSource
      .getRepository(AssignmentEntity)
      .update(
        { id: assignment.id },
        { status: AssignmentStatus.COMPLETED, openKey: null, completedAt: web.app.clock.now() },
      );
    await page.getByRole('button', { name: 'Save due date' }).click();
    await page.getByRole('alert').getByText('This assignment is already completed').waitFor();
    await page.getByRole('region', { name: 'Assignments' }).getByRole('cell', { name: 'Completed' }).waitFor();
    expect(await page.getByRole('button', { name: /^Change due date of / }).count()).toBe(0);
  });

  it("names the regional manager's region over its figures, not the chain", async () => {
    await web.signInAs(regionalManager);
    await web.goto('/compliance');
    const page = web.page;
    await page.getByRole('group', { name: 'Figures of region Pacific' }).waitFor();
    await page.getByText('Who holds the certifications their job role requires, in region Pacific.').waitFor();
    expect(await page.getByRole('group', { name: 'Chain figures' }).count()).toBe(0);
  });

  it('assigns a course to one person from their record, the page an escalation email links to', async () => {
    const person = sydneyPeople[2];
    await web.signInAs(regionalManager);
    await web.goto(`/people/${person.id}`);
    const page = web.page;
    await page.getByText('No assignments.').waitFor();
    await page.getByRole('link', { name: 'Assign a course' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assign a refresher' }).waitFor();
    await page.getByText('People (1 chosen)').waitFor();
    expect(await page.getByLabel(`${person.firstName} ${person.lastName} · Cashier`).isChecked()).toBe(true);
    await chooseCourse();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('1 new assignment.').waitFor();
    await page.goBack();
    await page.getByRole('button', { name: /^Cancel / }).waitFor();
  });

  it('lets a regional manager assign job roles across every store of the region', async () => {
    await web.signInAs(regionalManager);
    await web.goto(`/store/assign?store=${london.id}`);
    const page = web.page;
    await chooseCourse();
    await page.getByLabel(/^People with these job roles in every store of /).check();
    await page.getByLabel('Cashier').check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('43 new assignments').waitFor();
    await checkAccessibility(page);
  });

  it("downloads the store's certificates from its dashboard", async () => {
    await web.signInAs(storeManager);
    await web.goto('/store');
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: 'Store dashboard' }).waitFor();
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export certificates' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^\uFEFF?certificateNumber,/);
  });

  it('shows an empty new store without breaking', async () => {
    const empty = await buildStore(web.app.dataSource, { regionId: london.regionId, name: 'Brand New' });
    await web.signInAs(regionalManager);
    await web.goto(`/store?store=${empty.id}`);
    const page = web.page;
    await page.getByText('Brand New').first().waitFor();
    await page.getByRole('heading', { name: /^Overdue work/ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
    // The trend's card says why it has no chart, rather than stand empty.
    await page
      .locator('section.card', { hasText: 'Last 30 days' })
      .getByText('No programme applies to this store.')
      .waitFor({ timeout: 5000 });
    await checkAccessibility(page);
  });
});
