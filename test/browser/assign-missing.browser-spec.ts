/// <reference lib="dom" />
import { AssignmentEntity, AssignmentStatus } from '@lp/assignments';
import { CertificationSource, ProgramAudienceEntity, ProgramCourseEntity } from '@lp/certification';
import { EmployeeEntity, JobRoleEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildAssignment, buildCourse, buildEmployee, buildProgram, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

const DAY = 86_400_000;

/** "10 Dec 2026": the day of `instant` in London, as the app writes it in the en-GB browser. */
const writtenDay = (instant: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(instant);

/**
 * "Assign a course to them" on a busy store: the people missing a programme handed to the
 * assign form, what each has passed toward it already, and what the store does meanwhile.
 */
describe('assigning a course to who is missing a programme', () => {
  const web = useWebTest();
  let store: StoreEntity;
  let elsewhere: StoreEntity;
  let manager: EmployeeEntity;
  /** Passed the till course, for another programme: it counts toward this one. */
  let ann: EmployeeEntity;
  /** Lost the certificate: the till course passed before that counts no more; refunds passed since do. */
  let bo: EmployeeEntity;
  let cy: EmployeeEntity;
  /** Has the till course open already. */
  let dee: EmployeeEntity;
  let tills: { id: number; title: string };
  let refunds: { id: number; title: string };
  let annPassedTills: Date;
  let boPassedRefunds: Date;

  beforeAll(async () => {
    const ds = web.app.dataSource;
    const now = web.app.clock.now();
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    store = await buildStore(ds, { name: 'York Coppergate' });
    elsewhere = await buildStore(ds, { name: 'Hull Prospect' });
    manager = await buildEmployee(ds, { storeId: store.id, role: Role.STORE_MANAGER, jobRoleCode: 'STORE_MANAGER' });
    const cashier = (name: [string, string]) =>
      buildEmployee(ds, { storeId: store.id, jobRoleCode: 'CASHIER', firstName: name[0], lastName: name[1] });
    ann = await cashier(['Ann', 'Archer']);
    bo = await cashier(['Bo', 'Brown']);
    cy = await cashier(['Cy', 'Cole']);
    dee = await cashier(['Dee', 'Dunn']);
    const certified = await cashier(['Eve', 'Evans']);
    [tills, refunds] = (await Promise.all([buildCourse(ds, { lessons: 1 }), buildCourse(ds, { lessons: 1 })])).map(
      ({ course }) => ({ id: course.id, title: course.title }),
    );
    const program = await buildProgram(ds, { name: 'Cash handling' });
    await ds.getRepository(ProgramCourseEntity).insert([
      { programId: program.id, courseId: tills.id },
      { programId: program.id, courseId: refunds.id },
    ]);
    const cashierRole = await ds.getRepository(JobRoleEntity).findOneByOrFail({ code: 'CASHIER' });
    await ds
      .getRepository(ProgramAudienceEntity)
      .insert({ programId: program.id, jobRoleId: cashierRole.id, storeId: null, regionId: null });
    const certify = (holder: EmployeeEntity, n: number, revokedAt: Date | null) =>
      ds.query(
        `INSERT INTO certifications (employee_id, program_id, certificate_number, verification_code, issued_at,
           expires_at, revoked_at, source, current_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          holder.id,
          program.id,
          `CASH-2026-00000${n}`,
          String(n).repeat(26),
          daysAgo(60),
          new Date(now.getTime() + 300 * DAY),
          revokedAt,
          CertificationSource.MANUAL_GRANT,
          program.id,
        ],
      );
    await certify(certified, 1, null);
    await certify(bo, 2, daysAgo(10));
    const passed = (holder: EmployeeEntity, courseId: number, at: Date) =>
      buildAssignment(ds, { employeeId: holder.id, courseId, status: AssignmentStatus.COMPLETED, completedAt: at });
    annPassedTills = daysAgo(20);
    boPassedRefunds = daysAgo(5);
    await passed(ann, tills.id, annPassedTills);
    await passed(bo, tills.id, daysAgo(40));
    await passed(bo, refunds.id, boPassedRefunds);
    await buildAssignment(ds, { employeeId: dee.id, courseId: tills.id });
  }, 60_000);

  afterEach(async () => {
    const ds = web.app.dataSource;
    await ds.getRepository(AssignmentEntity).delete({ assignedById: manager.id });
    await ds.getRepository(EmployeeEntity).update({ id: cy.id }, { storeId: store.id, active: true });
  });

  const person = (who: EmployeeEntity) => web.page.getByLabel(`${who.firstName} ${who.lastName} · Cashier`);
  const assign = () => web.page.getByRole('button', { name: 'Assign', exact: true });
  const newAssignments = (courseId: number) =>
    web.app.dataSource.getRepository(AssignmentEntity).findBy({ courseId, assignedById: manager.id });

  async function openFromDashboard(): Promise<void> {
    await web.signInAs(manager);
    await web.goto(`/store?store=${store.id}`);
    await web.page.getByRole('link', { name: 'Assign a course to them: everyone missing Cash handling' }).click();
    await web.page.getByRole('heading', { level: 1, name: 'Assign a refresher' }).waitFor();
    await web.page.getByText(/^People \(\d+ chosen\)$/).waitFor();
  }

  it('chooses only who has not passed the course yet, and says when the others passed it', async () => {
    await openFromDashboard();
    const page = web.page;
    const course = page.getByLabel('Course', { exact: true });
    expect(await course.inputValue()).toBe(String(tills.id));
    expect(await person(ann).isChecked()).toBe(false);
    await page.getByText('People (3 chosen)').waitFor();
    await page
      .getByText(`3 of the 4 people missing it are chosen under “Who”: one passed ${tills.title} already`)
      .waitFor();
    await page.getByLabel(`Ann Archer · Cashier · passed on ${writtenDay(annPassedTills)}`).waitFor();
    // Bo's pass of the till course came before his certificate was revoked: it earns nothing now.
    for (const who of [bo, cy, dee]) expect(await person(who).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Bo Brown · Cashier · passed/).count()).toBe(0);
    await checkAccessibility(page);

    await course.selectOption({ label: refunds.title });
    await page.getByText('People (3 chosen)').waitFor();
    expect(await person(bo).isChecked()).toBe(false);
    await page.getByLabel(`Bo Brown · Cashier · passed on ${writtenDay(boPassedRefunds)}`).waitFor();
    for (const who of [ann, cy, dee]) expect(await person(who).isChecked()).toBe(true);

    await course.selectOption({ label: tills.title });
    await assign().click();
    await page.getByText('2 new assignments; 1 already had this course open and was skipped.').waitFor();
    expect((await newAssignments(tills.id)).map((a) => a.employeeId).sort()).toEqual([bo.id, cy.id].sort());
  });

  it('says who moved to a store the manager does not run since the form opened, assigns nobody, and lets go of them', async () => {
    await openFromDashboard();
    const page = web.page;
    await web.app.dataSource.getRepository(EmployeeEntity).update({ id: cy.id }, { storeId: elsewhere.id });
    await assign().click();
    await page
      .getByText(
        'Nothing was assigned: Cy Cole has moved to a store you do not manage since this page listed them, so is no longer chosen.',
      )
      .waitFor();
    expect(await newAssignments(tills.id)).toEqual([]);
    await page.getByText('People (2 chosen)').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await checkAccessibility(page);

    await assign().click();
    await page.getByText('1 new assignment; 1 already had this course open and was skipped.').waitFor();
    expect((await newAssignments(tills.id)).map((a) => a.employeeId)).toEqual([bo.id]);
  });

  it('says how many of the people chosen left the company since the form opened, beside what it assigned', async () => {
    await openFromDashboard();
    const page = web.page;
    await web.app.dataSource.getRepository(EmployeeEntity).update({ id: cy.id }, { active: false });
    await assign().click();
    await page
      .getByText(
        '1 new assignment; 1 already had this course open and was skipped; 1 is no longer active and was not assigned.',
      )
      .waitFor();
    expect((await newAssignments(tills.id)).map((a) => a.employeeId)).toEqual([bo.id]);

    await page.getByText('Bo Brown').click();
    await assign().click();
    await page
      .getByText('Nobody new was assigned: 1 already has this course open and 1 is no longer active.')
      .waitFor();
  });

  it('refuses a due day that has passed, also one that passed while the form stood open', async () => {
    const page = web.page;
    // The form was opened two days ago, in the evening, and left open.
    await page.clock.install({ time: new Date(Date.now() - 2 * DAY) });
    await openFromDashboard();
    const dueDate = page.getByLabel('Due date');
    const then = (await dueDate.getAttribute('min'))!;
    await dueDate.fill(then);
    await page.clock.setSystemTime(new Date());
    await assign().click();
    await page.getByText('That day has passed in the store: choose today or a later day.').waitFor();
    expect(await dueDate.getAttribute('aria-invalid')).toBe('true');

    // Typed now, the form itself refuses it.
    await dueDate.fill(then);
    await assign().click();
    expect(await dueDate.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    expect(await newAssignments(tills.id)).toEqual([]);
  });

  it('says what is missing while Assign cannot be pressed', async () => {
    await openFromDashboard();
    const page = web.page;
    await page.getByLabel('Due date').fill('');
    expect(await assign().isDisabled()).toBe(true);
    await page.getByText('Choose a due date to assign the course.').waitFor();

    await page.getByLabel('Due date').fill(new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10));
    for (const who of [bo, cy, dee]) await person(who).uncheck();
    await page.getByText('People (0 chosen)').waitFor();
    expect(await assign().isDisabled()).toBe(true);
    await page.getByText('Choose at least one person to assign the course to.').waitFor();
    await checkAccessibility(page);
    expect(await newAssignments(tills.id)).toEqual([]);
  });
});
