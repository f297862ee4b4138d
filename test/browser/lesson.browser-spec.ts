/// <reference lib="dom" />
import { buildAssignment, buildCourse, buildEmployee, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

describe('reading a lesson', () => {
  const web = useWebTest();

  it('has one main heading, the lesson title, when the lesson opens with a markdown title', async () => {
    const store = await buildStore(web.app.dataSource);
    const learner = await buildEmployee(web.app.dataSource, { storeId: store.id });
    const course = await buildCourse(web.app.dataSource, { lessons: 2 });
    const [lesson] = course.lessons;
    expect(lesson.body).toMatch(/^# /);
    const assignment = await buildAssignment(web.app.dataSource, {
      employeeId: learner.id,
      courseId: course.course.id,
    });
    await web.signInAs(learner);
    await web.goto(`/training/${assignment.id}/lessons/${lesson.id}`);
    const page = web.page;
    await page.getByText('Lesson 1 of 2').waitFor();

    // A screen reader's list of headings: the page's title, then the lesson's own sections under it
    const headings = await page
      .locator('main')
      .getByRole('heading')
      .evaluateAll((elements) => elements.map((element) => `${element.tagName} ${element.textContent}`));
    expect(headings).toEqual([`H1 ${lesson.title}`, `H2 ${lesson.title}`]);
    await checkAccessibility(page);
  });
});
