/// <reference lib="dom" />
import { PasswordHasher } from '@lp/identity';
import type { EmployeeEntity } from '@lp/organisation';
import { buildAssignment, buildCourse, buildEmployee, buildStore, completeLessons } from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

const PASSWORD = 'a long enough password';
/** How long a sign-in lasts (ACCESS_TOKEN_TTL_MINUTES). */
const SESSION_MINUTES = 60;

/**
 * A learner's session ends while they are in a lesson or a timed quiz (signed in near the end
 * of the hour a token lasts): the next thing they send is refused.
 */
describe('a session that ends in the middle of a lesson or a quiz', () => {
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
    await page.getByRole('heading', { level: 1, name: 'Lesson 1' }).waitFor();

    web.app.clock.advanceMinutes(SESSION_MINUTES + 1);
    await page.getByRole('button', { name: 'Mark as read and continue' }).click();
    await signInAgainWithTheForm();

    await page.getByRole('heading', { level: 1, name: 'Lesson 1' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(lessonPath);
    await page.getByRole('button', { name: 'Mark as read and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lesson 2' }).waitFor();
  });

  it('sends the learner to sign in and back to the quiz, with the attempt and the answers they had chosen', async () => {
    const page = web.page;
    const course = await buildCourse(web.app.dataSource, { questions: 3, quiz: { timeLimitMinutes: 20 } });
    const assignment = await buildAssignment(web.app.dataSource, {
      employeeId: learner.id,
      courseId: course.course.id,
    });
    await completeLessons(web.app.app, web.app.tokenFor(learner), assignment.id, course.lessons);
    const quizPath = `/training/${assignment.id}/quiz`;
    await web.signInAs(learner);
    web.app.clock.advanceMinutes(SESSION_MINUTES - 10);
    await web.goto(quizPath);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('button', { name: 'All on one page' }).click();
    const questions = page.locator('fieldset.question');
    await questions.nth(0).locator('input').first().check();
    await questions.nth(1).locator('input').last().check();
    const chosen = await page
      .locator('fieldset.question input:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

    web.app.clock.advanceMinutes(11);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('button', { name: 'Submit anyway' }).click();
    await signInAgainWithTheForm();

    await page.getByRole('heading', { level: 1, name: /^Quiz:/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(quizPath);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByText('Attempt 1').waitFor();
    await page.getByText('2 of 3 answered').waitFor();
    const restored = await page
      .locator('fieldset.question input:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(restored).toEqual(chosen);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('button', { name: 'Submit anyway' }).click();
    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    expect(await page.getByText('Not answered').count()).toBe(1);
  });
});
