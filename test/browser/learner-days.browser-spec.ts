/// <reference lib="dom" />
import { AssignmentStatus } from '@lp/assignments';
import type { EmployeeEntity } from '@lp/organisation';
import { buildAssignment, buildCourse, buildEmployee, buildStore } from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

/**
 * A learner of a New York store reads their training on the store's shared tablet, set to UTC:
 * due dates end the store's day (23:59 New York time), and the app gives them the days and
 * the "due today" their reminder emails and their manager give, not the tablet's.
 */
describe("a learner's due days, read in another zone than their store's", () => {
  const web = useWebTest({ timezoneId: 'UTC' });
  // 09:00 on Tuesday 10 March in New York (EDT, UTC-4), 13:00 in UTC.
  const now = new Date('2026-03-10T13:00:00Z');
  let learner: EmployeeEntity;
  const assignments: Partial<Record<'today' | 'yesterday' | 'done', { id: number; title: string }>> = {};

  beforeAll(async () => {
    web.app.clock.set(now);
    await web.page.clock.setFixedTime(now);
    const ds = web.app.dataSource;
    const store = await buildStore(ds, { timezone: 'America/New_York' });
    learner = await buildEmployee(ds, { storeId: store.id });
    for (const [key, fields] of [
      // 23:59 on 10 March in New York: 03:59 UTC on the 11th.
      ['today', { dueAt: new Date('2026-03-11T03:59:00Z') }],
      // 23:59 on 9 March in New York: 03:59 UTC on the 10th.
      ['yesterday', { dueAt: new Date('2026-03-10T03:59:00Z') }],
      // Passed at 22:00 on 9 March in New York, 02:00 UTC on the 10th.
      [
        'done',
        {
          dueAt: new Date('2026-03-11T03:59:00Z'),
          status: AssignmentStatus.COMPLETED,
          completedAt: new Date('2026-03-10T02:00:00Z'),
        },
      ],
    ] as const) {
      const { course } = await buildCourse(ds);
      const { id } = await buildAssignment(ds, { employeeId: learner.id, courseId: course.id, ...fields });
      assignments[key] = { id, title: course.title };
    }
  });

  const card = async (key: keyof typeof assignments) => {
    const title = assignments[key]!.title;
    const found = web.page.locator('article.card', {
      has: web.page.getByRole('heading', { name: title, exact: true }),
    });
    await found.waitFor();
    return found.innerText();
  };

  it("lists their training with their store's days", async () => {
    await web.signInAs(learner);
    await web.goto('/training');
    expect(await card('today')).toMatch(/Due today · due 10 Mar 2026/);
    expect(await card('yesterday')).toMatch(/1 day overdue · due 9 Mar 2026/);
    expect(await card('done')).toMatch(/Completed 9 Mar 2026/);
  });

  it("shows an assignment's due day as their store has it", async () => {
    await web.signInAs(learner);
    await web.goto(`/training/${assignments.today!.id}`);
    const due = web.page.locator('.stat', { hasText: 'Due' });
    await due.waitFor();
    expect(await due.innerText()).toMatch(/10 Mar 2026\s+Due today/);
  });
});
