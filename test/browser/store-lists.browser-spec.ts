/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Download } from 'playwright-core';
import { AssignmentEntity, AssignmentStatus } from '@lp/assignments';
import { CertificationSource, ProgramAudienceEntity, ProgramCourseEntity } from '@lp/certification';
import { EmployeeEntity, JobRoleEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildAssignment, buildCourse, buildEmployee, buildProgram, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

const DAY = 86_400_000;
/** More than one page of the API's (100), so that the assign form has to read them all. */
const MISSING = 130;

/**
 * The dashboard's lists a store manager acts on: who is missing a certificate and the overdue
 * work, downloaded, and the people missing a programme handed to the assign form in one click.
 */
describe("acting on the store dashboard's lists", () => {
  const web = useWebTest();
  let store: StoreEntity;
  let manager: EmployeeEntity;
  let certified: EmployeeEntity;
  let leaver: EmployeeEntity;
  let alreadyOpen: EmployeeEntity;
  let courses: { id: number; title: string }[];

  beforeAll(async () => {
    const ds = web.app.dataSource;
    const now = web.app.clock.now();
    store = await buildStore(ds, { name: 'Leeds Briggate' });
    const cashier = await ds.getRepository(JobRoleEntity).findOneByOrFail({ code: 'CASHIER' });
    await ds.getRepository(EmployeeEntity).insert(
      Array.from({ length: MISSING }, (_, i) => ({
        employeeNumber: `M${String(i).padStart(3, '0')}`,
        email: null,
        firstName: 'Kim',
        lastName: `Person${String(i).padStart(3, '0')}`,
        jobRoleId: cashier.id,
        role: Role.EMPLOYEE,
        active: true,
        hireDate: '2025-01-06',
        terminatedAt: null,
        passwordHash: null,
        storeId: store.id,
      })),
    );
    certified = await buildEmployee(ds, { storeId: store.id, jobRoleCode: 'CASHIER', lastName: 'Certified' });
    leaver = await buildEmployee(ds, { storeId: store.id, jobRoleCode: 'CASHIER', lastName: 'Gone', active: false });
    manager = await buildEmployee(ds, { storeId: store.id, role: Role.STORE_MANAGER, jobRoleCode: 'STORE_MANAGER' });
    const built = [await buildCourse(ds, { lessons: 1 }), await buildCourse(ds, { lessons: 1 })];
    courses = built.map(({ course }) => ({ id: course.id, title: course.title }));
    const program = await buildProgram(ds, { name: 'Cash handling' });
    await ds.getRepository(ProgramCourseEntity).insert(courses.map((c) => ({ programId: program.id, courseId: c.id })));
    await ds
      .getRepository(ProgramAudienceEntity)
      .insert({ programId: program.id, jobRoleId: cashier.id, storeId: null, regionId: null });
    await ds.query(
      `INSERT INTO certifications (employee_id, program_id, certificate_number, verification_code, issued_at,
         expires_at, source, current_key) VALUES (?, ?, 'CASH-2026-000001', ?, ?, ?, ?, ?)`,
      [
        certified.id,
        program.id,
        '0'.repeat(26),
        now,
        new Date(now.getTime() + 300 * DAY),
        CertificationSource.MANUAL_GRANT,
        program.id,
      ],
    );
    alreadyOpen = await ds.getRepository(EmployeeEntity).findOneByOrFail({ employeeNumber: 'M007' });
    await buildAssignment(ds, {
      employeeId: alreadyOpen.id,
      courseId: courses[0].id,
      dueAt: new Date(now.getTime() - 3 * DAY),
    });
    await buildAssignment(ds, { employeeId: leaver.id, courseId: courses[0].id, dueAt: new Date(now.getTime() - DAY) });
  }, 60_000);

  async function download(name: string): Promise<Record<string, string>[]> {
    const [file]: [Download, void] = await Promise.all([
      web.page.waitForEvent('download'),
      web.page.getByRole('button', { name }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    return parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
  }

  it('downloads who is missing a certificate and the overdue work beside the lists', async () => {
    await web.signInAs(manager);
    await web.goto(`/store?store=${store.id}`);
    const page = web.page;
    await page.getByRole('heading', { level: 3, name: `Cash handling (${MISSING})` }).waitFor();
    await page.getByRole('heading', { name: 'Overdue work (2)' }).waitFor();

    const missing = await download('Export who is missing');
    expect(missing).toHaveLength(MISSING);
    expect(missing.every((row) => row.programName === 'Cash handling' && row.storeCode === store.code)).toBe(true);
    const numbers = missing.map((row) => row.employeeNumber);
    expect(numbers).not.toContain(certified.employeeNumber);
    expect(numbers).not.toContain(leaver.employeeNumber);

    // The list shows the leaver's leftover work; the export, like the store's figure, does not.
    const overdue = await download('Export overdue work');
    expect(overdue.map((row) => [row.employeeNumber, row.status])).toEqual([[alreadyOpen.employeeNumber, 'OVERDUE']]);
    expect(await download('Export all open work')).toHaveLength(1);
    await checkAccessibility(page);
  });

  it('opens the assign form with everyone missing the programme chosen and its courses to pick from', async () => {
    await web.signInAs(manager);
    await web.goto(`/store?store=${store.id}`);
    const page = web.page;
    await page.getByRole('link', { name: 'Assign a course to them: everyone missing Cash handling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assign a refresher' }).waitFor();
    await page.getByText(`All ${MISSING} people missing it are chosen`).waitFor();
    await page.getByText(`People (${MISSING} chosen)`).waitFor();
    await page.getByText('It needs 2 courses').waitFor();
    const course = page.getByLabel('Course', { exact: true });
    expect(await course.locator('option').allTextContents()).toEqual([
      'Choose a course',
      ...courses.map((c) => c.title),
    ]);
    expect(await course.inputValue()).toBe(String(courses[0].id));
    expect(await page.getByLabel(`Kim ${alreadyOpen.lastName} · Cashier`).isChecked()).toBe(true);
    expect(await page.getByLabel(`${certified.firstName} Certified · Cashier`).isChecked()).toBe(false);
    await checkAccessibility(page);

    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(`${MISSING - 1} new assignments; 1 already had this course open and was skipped.`).waitFor();
    await course.selectOption({ label: courses[1].title });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(`${MISSING} new assignments.`).waitFor();

    const assignments = web.app.dataSource.getRepository(AssignmentEntity);
    for (const c of courses) {
      expect(await assignments.countBy({ courseId: c.id, status: AssignmentStatus.ASSIGNED })).toBe(
        MISSING + (c === courses[0] ? 1 : 0),
      );
    }
    expect(await assignments.countBy({ employeeId: certified.id })).toBe(0);
  });
});
