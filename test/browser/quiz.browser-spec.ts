/// <reference lib="dom" />
import { SubmitQuizAttempt } from '@lp/learning';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildStore,
  completeLessons,
  type CourseOverrides,
} from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

describe('taking a quiz', () => {
  const web = useWebTest();

  /** A learner signed in with every lesson of a three-question course read; answers the quiz's address. */
  async function quizReadyToStart(quiz: CourseOverrides['quiz'] = {}): Promise<string> {
    const store = await buildStore(web.app.dataSource);
    const learner = await buildEmployee(web.app.dataSource, { storeId: store.id });
    const course = await buildCourse(web.app.dataSource, { questions: 3, quiz });
    const assignment = await buildAssignment(web.app.dataSource, {
      employeeId: learner.id,
      courseId: course.course.id,
    });
    await completeLessons(web.app.app, web.app.tokenFor(learner), assignment.id, course.lessons);
    await web.signInAs(learner);
    return `/training/${assignment.id}/quiz`;
  }

  /** A learner's quiz (see quizReadyToStart), started and shown all on one page; answers its assignment's id. */
  async function startQuizOnOnePage(): Promise<string> {
    const quiz = await quizReadyToStart();
    await web.goto(quiz);
    await web.page.getByRole('button', { name: 'Start the quiz' }).click();
    await web.page.getByRole('button', { name: 'All on one page' }).click();
    return quiz.split('/')[2];
  }

  it('submits with questions left unanswered and shows the result', async () => {
    const page = web.page;
    await startQuizOnOnePage();
    await page.locator('fieldset.question').first().locator('input').first().check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText('2 questions not answered').waitFor();
    await page.getByRole('button', { name: 'Submit anyway' }).click();

    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    expect(await page.locator('.review-item').count()).toBe(3);
    expect(await page.getByText('Not answered').count()).toBe(2);
  });

  it('tells a learner who failed the last attempt how to get another one', async () => {
    const page = web.page;
    await web.goto(await quizReadyToStart({ maxAttempts: 1 }));
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('button', { name: 'All on one page' }).click();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('button', { name: 'Submit anyway' }).click();

    await page.getByText('Not passed this time').waitFor();
    await page.getByText(/no attempts left\. To try again, ask your manager/).waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('counts down the time the server gives, whatever the device clock says, and submits when it runs out', async () => {
    const page = web.page;
    await page.clock.install({ time: Date.now() + 15 * 60_000 }); // a device clock 15 minutes fast
    await web.goto(await quizReadyToStart({ timeLimitMinutes: 20 }));
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('timer', { name: /^Time left (20:00|19:[45]\d)$/ }).waitFor();
    await page.clock.fastForward('19:00');
    await page.getByRole('timer', { name: /^Time left (1:00|0:[45]\d)$/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: /^Quiz:/ }).count()).toBe(1);

    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    await page.getByText('Not passed this time').waitFor();
    expect(await page.getByText('Not answered').count()).toBe(3);
  });

  /** The values of the options ticked on the page. */
  const ticked = () =>
    web.page
      .locator('fieldset.question input:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

  it('keeps the answers chosen when the page is reloaded mid-quiz, as a phone does to a tab left in the background', async () => {
    const page = web.page;
    const quizPath = await quizReadyToStart();
    await web.goto(quizPath);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('button', { name: 'All on one page' }).click();
    await page.locator('fieldset.question').nth(0).locator('input').last().check();
    await page.locator('fieldset.question').nth(2).locator('input').first().check();
    const chosen = await ticked();

    await page.reload();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByText('Attempt 1').waitFor();
    await page.getByText('2 of 3 answered').waitFor();
    expect(await ticked()).toEqual(chosen);
  });

  it('keeps the answers and the attempt when a submit fails on a dropped connection, and submits them on retry', async () => {
    const page = web.page;
    await startQuizOnOnePage();
    for (const question of await page.locator('fieldset.question').all())
      await question.locator('input').first().check();
    const chosen = await ticked();

    web.allowBrowserErrors(/ERR_INTERNET_DISCONNECTED|Failed to fetch/);
    await web.context.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await page.getByText('LP Academy cannot be reached. Check your connection and try again.').waitFor();
    } finally {
      await web.context.setOffline(false);
    }
    expect(await ticked()).toEqual(chosen);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    expect(await page.getByText('Not answered').count()).toBe(0);
  });

  it('shows the grade and the review when the attempt was graded meanwhile, as after a response lost on a dropped connection', async () => {
    const page = web.page;
    const assignmentId = await startQuizOnOnePage();
    // The first submit, with nothing answered, reached the server and was graded; only its answer never arrived.
    const [attempt] = (await web.app.dataSource.query(
      `SELECT qa.id, a.employee_id FROM quiz_attempts qa JOIN assignments a ON a.id = qa.assignment_id
        WHERE qa.assignment_id = ? ORDER BY qa.id DESC LIMIT 1`,
      [assignmentId],
    )) as { id: number; employee_id: number }[];
    await web.app.app.get(SubmitQuizAttempt).submit(attempt.employee_id, attempt.id, []);

    await page.locator('fieldset.question').first().locator('input').first().check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('button', { name: 'Submit anyway' }).click();
    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    await page.getByText('Not passed this time').waitFor();
    expect(await page.locator('.review-item').count()).toBe(3);
    expect(await page.getByText('Not answered').count()).toBe(3);
    expect(await page.getByText('This attempt is closed').count()).toBe(0);
  });

  it('says where the course stands when the attempt cannot be submitted and has no grade', async () => {
    const page = web.page;
    const assignmentId = await startQuizOnOnePage();
    await web.app.dataSource.query("UPDATE assignments SET status = 'CANCELLED', open_key = NULL WHERE id = ?", [
      assignmentId,
    ]);

    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('button', { name: 'Submit anyway' }).click();
    await page.getByText('This attempt is closed').waitFor();
    await page.getByText('This assignment was cancelled').waitFor();
    expect(await page.getByRole('button', { name: 'Submit anyway' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Back to the course' }).click();
    await page.waitForURL(`**/training/${assignmentId}`);
  });

  it('moves keyboard focus to the notice when a submit finds the attempt closed', async () => {
    const page = web.page;
    const assignmentId = await startQuizOnOnePage();
    // Cancelled meanwhile: the attempt can be neither submitted nor shown a grade.
    await web.app.dataSource.query("UPDATE assignments SET status = 'CANCELLED', open_key = NULL WHERE id = ?", [
      assignmentId,
    ]);

    await page.getByRole('button', { name: 'Submit answers' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Submit anyway' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('This attempt is closed').waitFor();
    // The notice replaced the button pressed: a screen reader hears it, and Tab goes on from it, not from the header
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('keeps the option a keyboard user moves back to in sight under the quiz bar, on a phone', async () => {
    const page = web.page;
    await page.setViewportSize({ width: 360, height: 640 });
    try {
      await startQuizOnOnePage();
      await page.getByRole('button', { name: 'Submit answers' }).focus();
      const hiddenUnderTheBar = () =>
        page.evaluate(() => {
          const focused = document.activeElement;
          if (!focused?.closest('fieldset.question')) return null;
          const bar = document.querySelector('.quiz-bar')!.getBoundingClientRect();
          return (focused.closest('label') ?? focused).getBoundingClientRect().top < bar.bottom;
        });
      let checked = 0;
      for (let presses = 0; presses < 15; presses++) {
        await page.keyboard.press('Shift+Tab');
        const hidden = await hiddenUnderTheBar();
        if (hidden === null) continue;
        expect(hidden).toBe(false);
        checked++;
      }
      expect(checked).toBeGreaterThan(2);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('moves keyboard focus to the questions when the quiz starts and to the result when it is submitted', async () => {
    const page = web.page;
    const focusedId = () => page.evaluate(() => document.activeElement?.id);
    await web.goto(await quizReadyToStart());
    await page.getByRole('button', { name: 'Start the quiz' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 3').waitFor();
    // On the page's content, as after following a link: not left on the page's body behind the removed button
    expect(await focusedId()).toBe('main');

    await page.getByRole('button', { name: 'All on one page' }).click();
    await page.getByRole('button', { name: 'Submit answers' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Submit anyway' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    expect(await focusedId()).toBe('main');
  });

  it('can be taken with the keyboard alone, hearing where focus lands and the time only when it runs low', async () => {
    const page = web.page;
    await page.clock.install();
    await web.goto(await quizReadyToStart({ timeLimitMinutes: 6, shuffle: false }));
    await page.getByRole('heading', { level: 1, name: /^Quiz:/ }).waitFor();
    /** What a screen reader says focus is on: its accessible name, or the legend of a focused question. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        if (element.tagName === 'FIELDSET') return `question: ${element.querySelector('legend')?.textContent}`;
        if (element.tagName === 'INPUT') return `option: ${element.closest('label')?.textContent}`;
        return element.getAttribute('aria-label') || element.id || element.textContent;
      });
    /** Presses Tab until focus is on what `expected` matches, failing after a few presses. */
    async function tabTo(expected: RegExp): Promise<void> {
      for (let presses = 0; presses < 8; presses++) {
        await page.keyboard.press('Tab');
        if (expected.test((await focused()) ?? '')) return;
      }
      throw new Error(`Tab never reached ${expected}; focus is on ${await focused()}`);
    }
    /** With focus in a question's options, moves with the arrow keys to the right answer and picks it. */
    async function chooseRightAnswer(): Promise<void> {
      for (let presses = 0; presses < 4 && !/^option: Right/.test((await focused()) ?? ''); presses++)
        await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    }

    await tabTo(/^Skip to content$/);
    await page.keyboard.press('Enter');
    await tabTo(/^Start the quiz$/);
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 3').waitFor();
    expect(await focused()).toBe('main');

    // The timer is read when asked for, and speaks up, politely, only as the time runs low
    const timer = page.getByRole('timer', { name: /^Time left (6:00|5:5\d)$/ });
    await timer.waitFor();
    expect(await timer.evaluate((element) => element.closest('[aria-live]')?.getAttribute('aria-live') ?? 'off')).toBe(
      'off',
    );
    const warning = page.locator('[aria-live]', { hasText: 'minutes left' });
    await page.clock.runFor('01:05');
    expect(await warning.getAttribute('aria-live')).toBe('polite');
    expect(await warning.textContent()).toBe('5 minutes left.');

    await tabTo(/^One at a time$/);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'One at a time' }).getAttribute('aria-pressed')).toBe('true');
    await tabTo(/^option: Right 1|^option: Wrong 1/);
    await chooseRightAnswer();
    await tabTo(/^Next question$/);
    await page.keyboard.press('Enter');
    // The next question replaces the one answered: focus goes to it, not back to the top of the page
    expect(await focused()).toMatch(/^question: Question 2 of 3\s*Question \d\?$/);

    // Left unanswered for now
    await tabTo(/^Next question$/);
    await page.keyboard.press('Enter');
    expect(await focused()).toMatch(/^question: Question 3 of 3/);
    await tabTo(/^option: /);
    await chooseRightAnswer();
    await tabTo(/^Submit answers$/);
    await page.keyboard.press('Enter');

    // The warning is where focus goes, and "Keep answering" leads to the question left out
    await page.getByText('1 question not answered').waitFor();
    expect(await focused()).toMatch(/1 question not answered/);
    await tabTo(/^Submit anyway$/);
    await tabTo(/^Keep answering$/);
    await page.keyboard.press('Enter');
    expect(await focused()).toMatch(/^question: Question 2 of 3/);
    await tabTo(/^option: /);
    await chooseRightAnswer();
    await tabTo(/^Next question$/);
    await page.keyboard.press('Enter');
    await tabTo(/^Submit answers$/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: /^Result:/ }).waitFor();
    await page.getByText('You passed').waitFor();
    expect(await focused()).toBe('main');
    expect(await page.getByText('3 of 3 correct').count()).toBe(1);
  });
});
