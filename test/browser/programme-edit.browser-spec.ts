/// <reference lib="dom" />
import { ProgramService } from '@lp/certification';
import { type EmployeeEntity, Role } from '@lp/organisation';
import { buildCourse, buildEmployee, buildProgram, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

/** HR changes a programme from the Programmes page: its settings and who must hold it. */
describe('editing a programme', () => {
  const web = useWebTest();
  let cashier: EmployeeEntity;
  let programId: number;
  let courseIds: number[];
  let courseTitles: string[];

  beforeAll(async () => {
    const dataSource = web.app.dataSource;
    const store = await buildStore(dataSource);
    const hr = await buildEmployee(dataSource, { role: Role.HR, storeId: store.id });
    cashier = await buildEmployee(dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const course = await buildCourse(dataSource);
    const added = await buildCourse(dataSource);
    courseIds = [course.course.id, added.course.id];
    courseTitles = [course.course.title, added.course.title];
    await buildProgram(dataSource, { code: 'LPA', name: 'LP Advanced' });
    programId = (
      await web.app.app.get(ProgramService).create(
        {
          code: 'LPE',
          name: 'LP Essentials',
          courseIds: [course.course.id],
          validityMonths: 12,
          recertifyWindowDays: 60,
        },
        hr.id,
      )
    ).id;
    await web.signInAs(hr);
  });

  it('saves what HR changed, assigns the courses to a job role ticked and a course added, and says why a name is refused', async () => {
    const page = web.page;
    await web.goto('/programmes');
    await page.getByRole('button', { name: 'Edit LPE' }).click();
    const form = page.getByRole('form', { name: 'Edit programme LPE' });
    await form.getByLabel('Name').fill('LP Advanced');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByRole('alert').getByText('A programme named LP Advanced already exists').waitFor();

    await form.getByLabel('Name').fill('LP Essentials 2026');
    await form.getByLabel('Reminders (days before)').fill('10, 3');
    await form.getByLabel('Cashier').check();
    await form.getByLabel('Add a required course', { exact: true }).selectOption(String(courseIds[1]));
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Programme LP Essentials 2026 saved.').waitFor();
    await page.getByRole('cell', { name: 'LP Essentials 2026', exact: true }).waitFor();
    await page.getByRole('cell', { name: '10, 3', exact: true }).waitFor();
    await checkAccessibility(page);

    const [program] = await web.app.dataSource.query(
      'SELECT name, reminder_offsets_days AS offsets, validity_months FROM certification_programs WHERE id = ?',
      [programId],
    );
    expect(program).toEqual({ name: 'LP Essentials 2026', offsets: [10, 3], validity_months: 12 });
    const work = await web.app.dataSource.query(
      "SELECT employee_id, course_id, reason FROM assignments WHERE program_id = ? AND status = 'ASSIGNED' ORDER BY course_id",
      [programId],
    );
    expect(work).toEqual(
      courseIds.map((courseId) => ({ employee_id: cashier.id, course_id: courseId, reason: 'RULE' })),
    );
  });

  it('takes out a course unticked, its open work with it, and says why the last one stays', async () => {
    const page = web.page;
    await web.goto('/programmes');
    await page.getByRole('button', { name: 'Edit LPE' }).click();
    const form = page.getByRole('form', { name: 'Edit programme LPE' });
    await form.getByLabel(courseTitles[1], { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Programme LP Essentials 2026 saved.').waitFor();
    await form.getByLabel(courseTitles[1], { exact: true }).waitFor({ state: 'detached' });
    expect(
      await web.app.dataSource.query('SELECT course_id FROM program_courses WHERE program_id = ?', [programId]),
    ).toEqual([{ course_id: courseIds[0] }]);
    expect(
      await web.app.dataSource.query('SELECT status FROM assignments WHERE employee_id = ? AND course_id = ?', [
        cashier.id,
        courseIds[1],
      ]),
    ).toEqual([{ status: 'CANCELLED' }]);

    await form.getByLabel(courseTitles[0], { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByRole('alert').getByText('a programme requires at least one course').waitFor();
    await checkAccessibility(page);
  });
});
