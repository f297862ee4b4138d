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
});
