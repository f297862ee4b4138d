/// <reference lib="dom" />
import { CertificationEntity, CertificationSource } from '@lp/certification';
import { CourseEntity } from '@lp/learning';
import { EmployeeEntity, JobRoleEntity, Role } from '@lp/organisation';
import { buildCourse, buildEmployee, buildProgram, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

/** More than the API's largest page (100): a store of 150–300 people, a catalogue of years. */
const PEOPLE = 130;
const COURSES = 105;
const pad = (n: number) => String(n).padStart(3, '0');

describe('a store and a catalogue bigger than a page', () => {
  const web = useWebTest();
  let storeId: number;
  const courseIds = new Map<string, number>();

  beforeAll(async () => {
    const store = await buildStore(web.app.dataSource);
    storeId = store.id;
    const cashier = await web.app.dataSource.getRepository(JobRoleEntity).findOneByOrFail({ code: 'CASHIER' });
    // Hired in the reverse order of their names, so that an id order is not a name order.
    await web.app.dataSource.getRepository(EmployeeEntity).insert(
      Array.from({ length: PEOPLE }, (_, i) => ({
        employeeNumber: `S${pad(i)}`,
        email: null,
        firstName: 'Alex',
        lastName: `Name${pad(PEOPLE - i)}`,
        jobRoleId: cashier.id,
        role: Role.EMPLOYEE,
        active: true,
        hireDate: '2025-01-06',
        terminatedAt: null,
        passwordHash: null,
        storeId,
      })),
    );
    await buildEmployee(web.app.dataSource, {
      storeId,
      firstName: 'Robin',
      lastName: 'Farther',
      jobRoleCode: 'CASHIER',
    });
    for (let i = 1; i <= COURSES; i++) {
      const { course } = await buildCourse(web.app.dataSource, { lessons: 1, questions: 1 });
      const title = `Module ${pad(i)}`;
      await web.app.dataSource.getRepository(CourseEntity).update({ id: course.id }, { title });
      courseIds.set(title, course.id);
    }
  }, 120_000);

  const assignedTo = async (courseId: number): Promise<string[]> =>
    (
      (await web.app.dataSource.query(
        `SELECT e.last_name FROM assignments a JOIN employees e ON e.id = a.employee_id
          WHERE a.course_id = ? ORDER BY e.last_name`,
        [courseId],
      )) as { last_name: string }[]
    ).map((row) => row.last_name);

  it('lets a manager assign a course beyond the first 100, to a person beyond the first 100', async () => {
    const manager = await buildEmployee(web.app.dataSource, {
      storeId,
      role: Role.STORE_MANAGER,
      firstName: 'Morgan',
      lastName: 'Manager',
    });
    await web.signInAs(manager);
    await web.goto(`/store/assign?store=${storeId}`);
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: 'Assign a refresher' }).waitFor();

    await page.getByText(`The list shows 100 of ${COURSES} courses`).waitFor();
    await page.getByLabel('Find a course').fill('Module 104');
    await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Module 104' });

    await page.getByLabel('These people').check();
    const people = page.getByRole('group', { name: /^People/ });
    await people.getByText(`Showing 100 of ${PEOPLE + 2} people`).waitFor();
    const firstListed = people.locator('label.choice').first();
    expect(await firstListed.textContent()).toBe('Robin Farther · Cashier');
    await people.getByRole('button', { name: 'Show more' }).click();
    await people.getByText(`Showing ${PEOPLE + 2} of ${PEOPLE + 2} people`).waitFor();
    expect(await people.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    await people.getByLabel('Alex Name130 · Cashier').check();

    await page.getByLabel('Find someone').fill('Robin Farther');
    await people.getByLabel('Robin Farther · Cashier').check();
    await people.getByText('People (2 chosen)').waitFor();
    await checkAccessibility(page);

    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('2 new assignments').waitFor();
    expect(await assignedTo(courseIds.get('Module 104')!)).toEqual(['Farther', 'Name130']);
  });

  it('keeps keyboard focus in the list when a manager shows more people', async () => {
    const manager = await buildEmployee(web.app.dataSource, { storeId, role: Role.STORE_MANAGER });
    await web.signInAs(manager);
    await web.goto(`/store/assign?store=${storeId}`);
    const page = web.page;
    await page.getByLabel('These people').check();
    const people = page.getByRole('group', { name: /^People/ });
    await people.getByRole('button', { name: 'Show more' }).focus();
    await page.keyboard.press('Enter');
    await people.getByText(/^Showing (\d+) of \1 people$/).waitFor();
    // The button pressed is gone: focus goes to the first person it brought, not back to the page's body
    const firstShown = await people.locator('label.choice').nth(100).textContent();
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toBe(firstShown);
  });

  it('lets HR build a programme on courses beyond the first 100', async () => {
    const hr = await buildEmployee(web.app.dataSource, { storeId, role: Role.HR });
    await web.signInAs(hr);
    await web.goto('/programmes');
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();

    await page.getByLabel('Code').fill('LPX');
    await page.getByLabel('Name', { exact: true }).fill('LP Extra');
    await page.getByLabel('Find a required course').fill('Module 10');
    await page.getByLabel('Module 105').check();
    await page.getByLabel('Find a required course').fill('Module 001');
    await page.getByLabel('Module 001').check();
    // A course chosen before the search changed stays on the form, still ticked.
    expect(await page.getByLabel('Module 105').isChecked()).toBe(true);
    await page.getByLabel('Find a refresher course').fill('Module 103');
    await page.getByLabel('Refresher course', { exact: true }).selectOption({ label: 'Module 103' });
    await checkAccessibility(page);

    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByText('Programme LP Extra created').waitFor();
    const [programme] = (await web.app.dataSource.query(
      'SELECT id, refresher_course_id FROM certification_programs WHERE code = ?',
      ['LPX'],
    )) as { id: number; refresher_course_id: number }[];
    expect(programme.refresher_course_id).toBe(courseIds.get('Module 103'));
    const required = (await web.app.dataSource.query(
      'SELECT course_id FROM program_courses WHERE program_id = ? ORDER BY course_id',
      [programme.id],
    )) as { course_id: number }[];
    expect(required.map((row) => row.course_id)).toEqual([courseIds.get('Module 001'), courseIds.get('Module 105')]);
  });

  it("shows HR a person's current certificate however many cycles came before it", async () => {
    const holder = await buildEmployee(web.app.dataSource, { storeId });
    const program = await buildProgram(web.app.dataSource, { code: 'CASH', name: 'Cash count', validityMonths: 1 });
    const day = 86_400_000;
    const now = web.app.clock.now().getTime();
    const CYCLES = 55;
    // Monthly renewals for four and a half years: the newest is the current one.
    await web.app.dataSource.getRepository(CertificationEntity).insert(
      Array.from({ length: CYCLES }, (_, i) => {
        const issuedAt = new Date(now - ((CYCLES - 1 - i) * 30 + 10) * day);
        const current = i === CYCLES - 1;
        return {
          employeeId: holder.id,
          programId: program.id,
          certificateNumber: `CASH-${pad(i + 1)}`,
          verificationCode: `V${String(i).padStart(25, '0')}`,
          issuedAt,
          expiresAt: new Date(issuedAt.getTime() + 30 * day),
          source: CertificationSource.MANUAL_GRANT,
          previousCertificationId: null,
          currentKey: current ? program.id : null,
          revokedAt: null,
          revokedReason: null,
          revokedById: null,
          grantedById: null,
        };
      }),
    );
    await web.signInAs(await buildEmployee(web.app.dataSource, { storeId, role: Role.HR }));
    await web.goto(`/people/${holder.id}`);
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: `${holder.firstName} ${holder.lastName}` }).waitFor();

    await page.getByRole('button', { name: `Revoke CASH-${pad(CYCLES)}` }).waitFor();
    // Newest first: the current cycle heads the history, the first one ends it.
    await page.getByText(`Page 1 of 3 · ${CYCLES} in all`).waitFor();
    await page.getByRole('cell', { name: `CASH-${pad(CYCLES)}`, exact: true }).waitFor();
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await pages.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`Page 2 of 3 · ${CYCLES} in all`).waitFor();
    // Page 2's rows, not only its number: a Next pressed while it loads is lost on a busy machine.
    await page.getByRole('cell', { name: `CASH-${pad(CYCLES - 20)}`, exact: true }).waitFor();
    await pages.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('cell', { name: 'CASH-001', exact: true }).waitFor();
    await checkAccessibility(page);
  });
});
