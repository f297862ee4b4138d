import { AssignmentStatus, type StoredAssignmentStatus } from '@lp/assignments';
import { buildAssignment, buildCourse, buildEmployee, buildStore, useTestDatabase } from '@lp/testing';
import { openAssignmentsDueBetween } from './open-assignments';

describe('reading open assignments in batches', () => {
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date('2026-03-31T00:00:00Z');
  const suite = useTestDatabase();

  it('yields every open assignment due in (from, to] once, in batches, across equal due dates and both statuses', async () => {
    const store = await buildStore(suite.dataSource);
    const courses = [await buildCourse(suite.dataSource), await buildCourse(suite.dataSource)];
    // Three due dates shared by many rows, so batches of 3 end in the middle of a tie.
    const dueDates = ['2026-03-05T09:00:00Z', '2026-03-05T09:00:00Z', '2026-03-12T09:00:00Z', to.toISOString()];
    const expected: number[] = [];
    for (let person = 0; person < 6; person++) {
      const employee = await buildEmployee(suite.dataSource, { storeId: store.id });
      for (const [i, course] of courses.entries()) {
        const assignment = await buildAssignment(suite.dataSource, {
          employeeId: employee.id,
          courseId: course.course.id,
          status: (person + i) % 2 === 0 ? AssignmentStatus.ASSIGNED : AssignmentStatus.IN_PROGRESS,
          dueAt: new Date(dueDates[(person + i) % dueDates.length]),
        });
        expected.push(assignment.id);
      }
    }
    const other = await buildEmployee(suite.dataSource, { storeId: store.id });
    const inactive = await buildEmployee(suite.dataSource, { storeId: store.id, active: false });
    const notRead: { employeeId: number; status: StoredAssignmentStatus; dueAt: Date }[] = [
      { employeeId: other.id, status: AssignmentStatus.COMPLETED, dueAt: new Date('2026-03-05T09:00:00Z') },
      { employeeId: other.id, status: AssignmentStatus.ASSIGNED, dueAt: from },
      { employeeId: inactive.id, status: AssignmentStatus.ASSIGNED, dueAt: new Date('2026-03-05T09:00:00Z') },
      { employeeId: inactive.id, status: AssignmentStatus.IN_PROGRESS, dueAt: new Date('2026-04-01T00:00:00Z') },
    ];
    for (const [i, row] of notRead.entries()) {
      await buildAssignment(suite.dataSource, { ...row, courseId: courses[i % 2].course.id });
    }

    const batches: number[][] = [];
    for await (const batch of openAssignmentsDueBetween(suite.dataSource.manager, from, to, 3)) {
      batches.push(batch.map((assignment) => assignment.id));
    }

    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });
});
