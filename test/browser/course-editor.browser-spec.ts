/// <reference lib="dom" />
import { Role } from '@lp/organisation';
import { buildCourse, buildEmployee, buildStore, graphql } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

describe('the course editor', () => {
  const web = useWebTest();

  /** A published course with a draft open, an admin signed in on its editor, and a second admin's token. */
  async function editorOnDraft() {
    const store = await buildStore(web.app.dataSource);
    const admin = await buildEmployee(web.app.dataSource, { role: Role.ADMIN, storeId: store.id });
    const other = web.app.tokenFor(await buildEmployee(web.app.dataSource, { role: Role.ADMIN, storeId: store.id }));
    const { course } = await buildCourse(web.app.dataSource, { lessons: 1, questions: 2 });
    const c = String(course.id);
    const draft = await graphql(
      web.app.app,
      'mutation ($c: ID!) { createCourseDraft(courseId: $c) { number lessons { id } } }',
      { c },
      other,
    );
    expect(draft.data!.createCourseDraft.number).toBe(2);
    await web.signInAs(admin);
    await web.goto(`/admin/courses/${c}`);
    await web.page.getByText('You are editing the draft, version 2.').waitFor();
    return { c, other, lessonId: draft.data!.createCourseDraft.lessons[0].id as string, title: course.title };
  }

  const quizOf = async (c: string) =>
    (
      await web.app.dataSource.query(
        `SELECT v.quiz_passing_score_percent AS passing, v.quiz_max_attempts AS attempts
           FROM courses c JOIN course_versions v ON v.id = c.draft_version_id WHERE c.id = ?`,
        [c],
      )
    )[0];

  it('keeps what another admin saved meanwhile in the fields this one did not change', async () => {
    const { c, other, lessonId } = await editorOnDraft();
    const page = web.page;
    // Another admin, on their own screen, changes the attempts and renames the lesson.
    const theirs = await graphql(
      web.app.app,
      `
        mutation ($c: ID!, $l: ID!) {
          configureQuiz(courseId: $c, input: { maxAttempts: 5 }) {
            maxAttempts
          }
          updateLesson(lessonId: $l, input: { title: "Lesson 1, renamed by the other admin" }) {
            id
          }
        }
      `,
      { c, l: lessonId },
      other,
    );
    expect(theirs.errors).toBeUndefined();

    await page.getByLabel('Pass mark (%)').fill('90');
    await page.getByRole('button', { name: 'Save quiz settings' }).click();
    await page.getByText('Quiz settings saved.').waitFor();
    expect(await quizOf(c)).toEqual({ passing: 90, attempts: 5 });

    await page.getByRole('button', { name: 'Edit Lesson 1' }).click();
    await page.getByLabel('Body (markdown)').fill('# Lesson 1\n\nWhat to know, revised.');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await page.getByText('Lesson 1, renamed by the other admin').waitFor();
    const [lesson] = await web.app.dataSource.query('SELECT title, body FROM lessons WHERE id = ?', [lessonId]);
    expect(lesson).toEqual({
      title: 'Lesson 1, renamed by the other admin',
      body: '# Lesson 1\n\nWhat to know, revised.',
    });
  });

  it('discards the draft after asking, leaving the published version as it was', async () => {
    const { c } = await editorOnDraft();
    const page = web.page;
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('button', { name: 'Open a draft' }).waitFor();
    expect(questions).toEqual(['Discard the draft, version 2? Its changes are lost.']);
    await checkAccessibility(page);
    const [course] = await web.app.dataSource.query(
      'SELECT c.draft_version_id AS draft, v.number FROM courses c JOIN course_versions v ON v.id = c.current_version_id WHERE c.id = ?',
      [c],
    );
    expect(course).toEqual({ draft: null, number: 1 });
  });

  it('keeps keyboard focus in place through the lesson editor, and ties a refused field to the reason', async () => {
    await editorOnDraft();
    const page = web.page;
    /** What focus is on: the accessible name of a button, the label of a field. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement;
        return element.labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? element.textContent;
      });
    const press = async (name: string | RegExp, key = 'Enter') => {
      await page.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press(key);
    };

    await press('Add a lesson');
    expect(await focused()).toBe('Lesson title');
    await page.keyboard.type('Reporting a near miss');
    await page.keyboard.press('Tab');
    await page.keyboard.type('javascript:alert(1)');
    await page.getByLabel('Body (markdown)').fill('What to do.');
    await page.getByRole('tab', { name: 'Write' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Preview' }).getAttribute('aria-selected')).toBe('true');
    expect(await focused()).toBe('Preview');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Write');

    // The server refuses the link: the reason is the link field's, and focus goes there
    await press('Save lesson');
    const link = page.getByLabel('Video or document link');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await focused()).toBe('Video or document link');
    const description = await link.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(description).toMatch(/mediaUrl must be an http\(s\) web address/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await checkAccessibility(page);

    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await press('Save lesson');
    await page.getByText('Reporting a near miss').waitFor();
    expect(await focused()).toBe('Add a lesson');

    await press('Edit Reporting a near miss');
    expect(await focused()).toBe('Lesson title');
    await press('Cancel');
    expect(await focused()).toBe('Edit Reporting a near miss');

    // Moved to the top, where it cannot go up: focus stays on it, on the way it can still go
    await press('Move Reporting a near miss up');
    await page.waitForFunction(() => document.querySelector('.lesson-list li')?.textContent?.includes('near miss'));
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Move'));
    expect(await focused()).toBe('Move Reporting a near miss down');

    await press('Remove Reporting a near miss');
    await page.getByText('Reporting a near miss').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Add a lesson');
  });
});
