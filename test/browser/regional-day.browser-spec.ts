/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Download } from 'playwright-core';
import { AssignmentEntity } from '@lp/assignments';
import { ProgramAudienceEntity, ProgramCourseEntity } from '@lp/certification';
import { type EmployeeEntity, instantOfLocalTime, JobRoleEntity, Role, type StoreEntity } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildRegion,
  buildStore,
  graphql,
  wallClock,
} from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

const DAY = 86_400_000;

/**
 * A regional manager's day, from head office in New York, over a region whose stores keep
 * two time zones (Los Angeles and Denver), beside a head-office region they do not run.
 */
describe("a regional manager's day", () => {
  // One certificate PDF a minute per account, to meet the limit without drawing twenty.
  const web = useWebTest({ timezoneId: 'America/New_York', env: { RATE_LIMIT_PDF_PER_ACCOUNT: '1' } });
  let losAngeles: StoreEntity;
  let denver: StoreEntity;
  let courseId: number;
  let courseTitle: string;
  let programId: number;
  let regional: EmployeeEntity;
  let hr: EmployeeEntity;
  const cashiers: EmployeeEntity[] = [];

  beforeAll(async () => {
    const ds = web.app.dataSource;
    const region = await buildRegion(ds, { name: 'Mountain West' });
    losAngeles = await buildStore(ds, { regionId: region.id, timezone: 'America/Los_Angeles', name: 'Santa Monica' });
    denver = await buildStore(ds, { regionId: region.id, timezone: 'America/Denver', name: 'Denver Union' });
    const headOffice = await buildStore(ds, { timezone: 'America/New_York', name: 'Head Office' });
    for (const store of [losAngeles, denver, losAngeles, denver, headOffice]) {
      cashiers.push(await buildEmployee(ds, { storeId: store.id, jobRoleCode: 'CASHIER' }));
    }
    const { course } = await buildCourse(ds, { lessons: 1, questions: 1 });
    courseId = course.id;
    courseTitle = course.title;
    const program = await buildProgram(ds, { name: 'Cash handling' });
    programId = program.id;
    const cashier = await ds.getRepository(JobRoleEntity).findOneByOrFail({ code: 'CASHIER' });
    await ds.getRepository(ProgramCourseEntity).insert({ programId: program.id, courseId: course.id });
    await ds
      .getRepository(ProgramAudienceEntity)
      .insert({ programId: program.id, jobRoleId: cashier.id, storeId: null, regionId: null });
    regional = await buildEmployee(ds, {
      storeId: losAngeles.id,
      role: Role.REGIONAL_MANAGER,
      jobRoleCode: 'STORE_MANAGER',
    });
    hr = await buildEmployee(ds, { storeId: headOffice.id, role: Role.HR, jobRoleCode: 'SUPERVISOR' });
  }, 60_000);

  /** Grants the programme to someone, as HR does for a certificate earned elsewhere. */
  async function grant(person: EmployeeEntity, issuedAt: Date): Promise<string> {
    const granted = await graphql(
      web.app.app,
      'mutation ($e: ID!, $p: ID!, $at: DateTime) { grantCertification(employeeId: $e, programId: $p, issuedAt: $at) { certificateNumber } }',
      { e: person.id, p: programId, at: issuedAt.toISOString() },
      web.app.tokenFor(hr),
    );
    expect(granted.errors).toBeUndefined();
    return granted.data!.grantCertification.certificateNumber;
  }

  async function download(name: string): Promise<Record<string, string>[]> {
    const [file]: [Download, void] = await Promise.all([
      web.page.waitForEvent('download'),
      web.page.getByRole('button', { name }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    return parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
  }

  afterEach(async () => {
    web.app.clock.set(new Date());
    await web.app.dataSource.query('DELETE FROM assignments');
  });

  it("ends work assigned across the region on the chosen day in each store's own time zone", async () => {
    await web.signInAs(regional);
    await web.goto(`/store/assign?store=${losAngeles.id}`);
    const page = web.page;
    await page.getByLabel('Course', { exact: true }).selectOption({ label: courseTitle });
    const due = wallClock(new Date(Date.now() + 10 * DAY), 'America/Los_Angeles').slice(0, 10);
    await page.getByLabel('Due date').fill(due);
    await page.getByLabel('People with these job roles in every store of Mountain West').check();
    await page.getByLabel('Cashier').check();
    await page.getByText('The end of this day in each store’s time zone').waitFor();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('4 new assignments').waitFor();
    await checkAccessibility(page);

    const rows = await web.app.dataSource.getRepository(AssignmentEntity).find();
    const zoneOf = new Map(
      cashiers.map((c) => [c.id, c.storeId === denver.id ? denver.timezone : losAngeles.timezone]),
    );
    expect(rows.map((a) => wallClock(a.dueAt, zoneOf.get(a.employeeId)!))).toEqual(Array(4).fill(`${due} 23:59`));
  });

  it('says at the due date that the day chosen has ended in one of the stores, assigning nobody', async () => {
    const today = wallClock(new Date(), 'America/Los_Angeles').slice(0, 10);
    const [year, month, day] = today.split('-').map(Number);
    // A minute after that day ended in Denver; Los Angeles has another hour of it.
    const endedInDenver = instantOfLocalTime({ year, month, day, hour: 23, minute: 59 }, 'America/Denver');
    web.app.clock.set(new Date(endedInDenver.getTime() + 60_000));
    await web.signInAs(regional);
    await web.goto(`/store/assign?store=${losAngeles.id}`);
    const page = web.page;
    await page.getByLabel('Course', { exact: true }).selectOption({ label: courseTitle });
    await page.getByLabel('Due date').fill(today);
    await page.getByLabel('People with these job roles in every store of Mountain West').check();
    await page.getByLabel('Cashier').check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(`The due day ${today} has already ended in America/Denver: choose a later day`).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await web.app.dataSource.getRepository(AssignmentEntity).count()).toBe(0);
  });

  it("ranks the region's stores with figures that add up, and exports the region's missing people and overdue work", async () => {
    const [laExpired, denverCertified, laMissing, denverMissing, headOffice] = cashiers;
    await grant(laExpired, new Date(Date.now() - 400 * DAY));
    await grant(denverCertified, new Date(Date.now() - 30 * DAY));
    for (const person of [laMissing, denverMissing, headOffice]) {
      await buildAssignment(web.app.dataSource, {
        employeeId: person.id,
        courseId,
        dueAt: new Date(Date.now() - 3 * DAY),
      });
    }
    await web.signInAs(regional);
    await web.goto('/compliance');
    const page = web.page;
    const ranking = page.getByRole('region', { name: 'Stores ranked by compliance' });
    const figure = (store: string, column: string) =>
      ranking
        .getByRole('row', { name: new RegExp(store) })
        .locator(`td[data-label="${column}"]`)
        .innerText();
    await ranking.getByRole('row', { name: /Santa Monica/ }).waitFor();
    expect(await figure('Santa Monica', 'Expired')).toBe('1');
    for (const store of ['Santa Monica', 'Denver Union']) {
      const [required, certified, expired, missing] = await Promise.all(
        ['Required', 'Certified', 'Expired', 'Missing'].map(async (column) => Number(await figure(store, column))),
      );
      expect([store, required]).toEqual([store, certified + expired + missing]);
    }
    await checkAccessibility(page);

    const missing = await download('Export who is missing');
    expect(missing.map((row) => row.employeeNumber).sort()).toEqual(
      [laMissing, denverMissing].map((p) => p.employeeNumber).sort(),
    );
    const overdue = await download('Export overdue work');
    expect(overdue.map((row) => row.employeeNumber).sort()).toEqual(
      [laMissing, denverMissing].map((p) => p.employeeNumber).sort(),
    );
    expect(overdue.every((row) => row.status === 'OVERDUE')).toBe(true);
  });

  it("says a change made by someone outside the region was a person's, not the system's", async () => {
    const person = cashiers[2];
    const moved = await graphql(
      web.app.app,
      'mutation ($id: ID!, $s: ID!) { updateEmployee(id: $id, input: { storeId: $s }) { id } }',
      { id: person.id, s: denver.id },
      web.app.tokenFor(hr),
    );
    expect(moved.errors).toBeUndefined();
    await web.signInAs(regional);
    await web.goto(`/people/${person.id}`);
    const history = web.page.getByRole('region', { name: 'History' });
    await history.getByRole('cell', { name: denver.code }).waitFor();
    expect(await history.locator('td[data-label="By"]').allInnerTexts()).toEqual(['Someone outside your stores']);
  });

  it("downloads a person's certificate from their record, and says to wait when over the limit", async () => {
    const holder = await buildEmployee(web.app.dataSource, { storeId: denver.id, jobRoleCode: 'CASHIER' });
    const number = await grant(holder, new Date(Date.now() - 30 * DAY));
    await web.signInAs(regional);
    await web.goto(`/people/${holder.id}`);
    const page = web.page;
    const button = page.getByRole('button', { name: `Download certificate ${number} (PDF)` });
    const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(file.suggestedFilename()).toMatch(/^lp-academy-certificate-\w+\.pdf$/);
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await checkAccessibility(page);

    web.allowBrowserErrors(/status of 429/);
    await button.click();
    await page.getByText('Too many downloads in a short time. Please wait a minute and try again.').waitFor();
  });

  it('lists the certificates the compliance figures count: not those of people who have left, unless asked', async () => {
    const leaver = await buildEmployee(web.app.dataSource, { storeId: denver.id, jobRoleCode: 'CASHIER' });
    // Twelve months on, its expiry is ten days away.
    const number = await grant(leaver, new Date(Date.now() - 355 * DAY));
    const left = await graphql(
      web.app.app,
      'mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }',
      { id: leaver.id },
      web.app.tokenFor(hr),
    );
    expect(left.errors).toBeUndefined();
    await web.signInAs(regional);
    await web.goto('/compliance');
    const page = web.page;
    const ranking = page.getByRole('region', { name: 'Stores ranked by compliance' });
    await ranking.getByRole('row', { name: /Denver Union/ }).waitFor();
    expect(await ranking.locator('td[data-label="Expiring"]').allInnerTexts()).toEqual(['0', '0']);

    await page.getByRole('link', { name: 'Certifications' }).click();
    await page.getByLabel('Status').selectOption('EXPIRING');
    await page.getByText('No certification matches these filters.').waitFor();
    await page.getByLabel('Holders').selectOption({ label: 'Everyone' });
    await page.getByRole('region', { name: 'Certifications' }).getByRole('cell', { name: number }).waitFor();
    await checkAccessibility(page);
  });

  it('assigns a course to people chosen from several stores of the region, each due on the day in their own zone', async () => {
    const [inLosAngeles, inDenver, , , atHeadOffice] = cashiers;
    await web.signInAs(regional);
    await web.goto(`/store/assign?store=${losAngeles.id}`);
    const page = web.page;
    await page.getByLabel('Course', { exact: true }).selectOption({ label: courseTitle });
    const due = wallClock(new Date(Date.now() + 10 * DAY), 'America/Los_Angeles').slice(0, 10);
    await page.getByLabel('Due date').fill(due);
    await page.getByLabel('These people, in any store of Mountain West').check();
    await page.getByText('The end of this day in each store’s time zone').waitFor();
    const label = (person: EmployeeEntity, store: StoreEntity) =>
      `${person.firstName} ${person.lastName} · Cashier · ${store.code} ${store.name}`;
    await page.getByLabel(label(inLosAngeles, losAngeles)).check();
    await page.getByLabel('Find someone').fill(inDenver.lastName);
    await page.getByLabel(label(inDenver, denver)).check();
    await page.getByText('People (2 chosen)').waitFor();
    await page.getByLabel('Find someone').fill(atHeadOffice.lastName);
    await page.getByText('Nobody matches.').waitFor();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('2 new assignments').waitFor();

    const rows = await web.app.dataSource.getRepository(AssignmentEntity).find({ order: { employeeId: 'ASC' } });
    expect(
      rows.map((a) => [
        a.employeeId,
        wallClock(a.dueAt, a.employeeId === inDenver.id ? denver.timezone : losAngeles.timezone),
      ]),
    ).toEqual([
      [inLosAngeles.id, `${due} 23:59`],
      [inDenver.id, `${due} 23:59`],
    ]);
  });
});
