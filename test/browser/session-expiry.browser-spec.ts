/// <reference lib="dom" />
import { PasswordHasher } from '@lp/identity';
import type { EmployeeEntity } from '@lp/organisation';
import { buildAssignment, buildCourse, buildEmployee, buildStore } from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

const PASSWORD = 'a long enough password';
/** How long a sign-in lasts (ACCESS_TOKEN_TTL_MINUTES). */
const SESSION_MINUTES = 60;

/**
 * A learner's session ends while they are in a lesson (signed in near the end
 * of the hour a token lasts): the next thing they send is refused.
 */
describe('a session that ends in the middle of a lesson', () => {
  const web = useWebTest();
  let learner: EmployeeEntity;

  beforeAll(async () => {
    const passwordHash = await web.app.app.get(PasswordHasher, { strict: false }).hash(PASSWORD);
    const store = await buildStore(web.app.dataSource);
    learner = await buildEmployee(web.app.dataSource, { storeId: store.id, passwordHash });
  });

  beforeEach(() => {
    // The refused request is answered 401, which the browser reports on its console.
    web.allowBrowserErrors(/status of 401/);
  });

  async function signInAgainWithTheForm(): Promise<void> {
    const page = web.page;
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('Your session has ended').waitFor();
    await page.getByLabel('Email').fill(learner.email!);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('sends the learner to sign in and back to the lesson they were reading', async () => {
    const page = web.page;
    const course = await buildCourse(web.app.dataSource, { lessons: 2 });
    const assignment = await buildAssignment(web.app.dataSource, {
      employeeId: learner.id,
      courseId: course.course.id,
    });
    const lessonPath = `/training/${assignment.id}/lessons/${course.lessons[0].id}`;
    await web.signInAs(learner);
    await web.goto(lessonPath);
    await page.getByRole('heading', { level: 1, name: 'Lesson 1' }).first().waitFor();

    web.app.clock.advanceMinutes(SESSION_MINUTES + 1);
    await page.getByRole('button', { name: 'Mark as read and continue' }).click();
    await signInAgainWithTheForm();

    await page.getByRole('heading', { level: 1, name: 'Lesson 1' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(lessonPath);
    await page.getByRole('button', { name: 'Mark as read and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lesson 2' }).first().waitFor();
  });
});
