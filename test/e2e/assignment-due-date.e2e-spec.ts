import { AssignmentEntity, AssignmentReason, AssignmentStatus } from '@lp/assignments';
import { CertificationEntity, CertificationSource, CertificationWriter } from '@lp/certification';
import {
  NotificationEntity,
  NotificationKind,
  NotificationPlanner,
  NotificationStatus,
  NotificationSubjectType,
  NotificationSweep,
} from '@lp/notifications';
import { type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { ReminderPlanning } from '@lp/reminders';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildOrgChart,
  buildProgram,
  buildStore,
  type BuiltCourse,
  errorCode,
  eventually,
  graphql,
  type GraphqlResponse,
  lockWaitsOn,
  type OrgChart,
  rowCounts,
  type TestApp,
  type TestWorker,
  useApiWithWorker,
} from '@lp/testing';

const CHANGE = `mutation ($id: ID!, $dueAt: DateTime!) {
  changeAssignmentDueDate(id: $id, dueAt: $dueAt) { id status dueAt progressPercent reason }
}`;
const AUDIT = `query ($f: AuditEventFilterInput) { auditEvents(filter: $f, first: 10) { edges { node { action before after } } } }`;

const DAY = 86_400_000;
/** Thursday 15 January 2026, 10:00 in New York (EST): inside the stores' office hours. */
const THURSDAY_MORNING = new Date('2026-01-15T15:00:00Z');
const TABLES = ['assignments', 'audit_events', 'notifications'];

const at = (days: number) => new Date(THURSDAY_MORNING.getTime() + days * DAY);

/**
 * A manager following up an escalation gives someone more time: the assignment keeps its
 * progress and history, the reminders follow the new date, and nothing else may be moved.
 */
describe('changing an assignment’s due date', () => {
  const suite = useApiWithWorker();
  const { smtp } = suite;
  let t: TestApp;
  let worker: TestWorker;
  let course: BuiltCourse;
  let courseId: number;

  beforeAll(() => {
    ({ t, worker } = suite);
  });

  beforeEach(async () => {
    t.clock.set(THURSDAY_MORNING);
    course = await buildCourse(t.dataSource, { lessons: 2 });
    courseId = course.course.id;
  });

  const change = (caller: EmployeeEntity, id: number, dueAt: Date | string) =>
    graphql(
      t.app,
      CHANGE,
      { id: String(id), dueAt: typeof dueAt === 'string' ? dueAt : dueAt.toISOString() },
      t.tokenFor(caller),
    );
  const stored = (id: number) => t.dataSource.getRepository(AssignmentEntity).findOneByOrFail({ id });
  const notifications = (kind: string) =>
    t.dataSource.getRepository(NotificationEntity).find({ where: { kind }, order: { id: 'ASC' } });

  describe('who may', () => {
    let chart: OrgChart;
    beforeEach(async () => {
      chart = await buildOrgChart(t.dataSource);
    });

    // [caller, whose assignment, expected]: the people of the scope the caller assigns to.
    const cases: [keyof OrgChart['people'], keyof OrgChart['people'], string][] = [
      ['admin', 's1Employee', 'OK'],
      ['hr', 's1Employee', 'OK'],
      ['regional', 'employee', 'OK'],
      ['regional', 's1Employee', 'NOT_FOUND'],
      ['manager', 'employee', 'OK'],
      ['manager', 'n2Employee', 'NOT_FOUND'],
      ['s1Manager', 'employee', 'NOT_FOUND'],
      ['employee', 'employee', 'FORBIDDEN'],
      ['colleague', 'employee', 'FORBIDDEN'],
    ];
    it.each(cases)('%s, for the assignment of %s: %s', async (caller, holder, expected) => {
      const assignment = await buildAssignment(
        t.dataSource,
        { employeeId: chart.people[holder].id, courseId, dueAt: at(3) },
        THURSDAY_MORNING,
      );
      const before = await rowCounts(t.dataSource, TABLES);

      const response = await change(chart.people[caller], assignment.id, at(10));

      if (expected === 'OK') {
        expect(response.errors).toBeUndefined();
        expect(response.data!.changeAssignmentDueDate).toMatchObject({
          id: String(assignment.id),
          dueAt: at(10).toISOString(),
        });
        expect((await stored(assignment.id)).dueAt).toEqual(at(10));
        return;
      }
      expect(errorCode(response)).toBe(expected);
      expect(JSON.stringify(response)).not.toContain(at(3).toISOString());
      expect((await stored(assignment.id)).dueAt).toEqual(at(3));
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });
  });

  describe('what may be moved', () => {
    let store: StoreEntity;
    let manager: EmployeeEntity;
    let learner: EmployeeEntity;

    beforeEach(async () => {
      store = await buildStore(t.dataSource, { timezone: 'America/New_York' });
      manager = await buildEmployee(t.dataSource, { storeId: store.id, role: Role.STORE_MANAGER });
      learner = await buildEmployee(t.dataSource, { storeId: store.id, email: 'dana@example.test', firstName: 'Dana' });
    });

    const refused = async (response: GraphqlResponse<unknown>, code: string, before: Record<string, number>) => {
      expect(errorCode(response)).toBe(code);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    };

    it('refuses a due date that is not ahead, and completed or cancelled work, writing nothing', async () => {
      const open = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId, dueAt: at(3) });
      const before = await rowCounts(t.dataSource, TABLES);
      await refused(await change(manager, open.id, at(-1)), 'BAD_USER_INPUT', before);
      await refused(await change(manager, open.id, THURSDAY_MORNING), 'BAD_USER_INPUT', before);
      await refused(await change(manager, open.id, '2026-02-30T00:00:00Z'), 'BAD_USER_INPUT', before);
      await refused(await change(manager, open.id, 'next week'), 'BAD_USER_INPUT', before);
      await refused(await change(manager, 4_000_000_000, at(10)), 'NOT_FOUND', before);
      expect((await stored(open.id)).dueAt).toEqual(at(3));

      const { course: other } = await buildCourse(t.dataSource);
      const { course: third } = await buildCourse(t.dataSource);
      const completed = await buildAssignment(t.dataSource, {
        employeeId: learner.id,
        courseId: other.id,
        status: AssignmentStatus.COMPLETED,
      });
      const cancelled = await buildAssignment(t.dataSource, {
        employeeId: learner.id,
        courseId: third.id,
        status: AssignmentStatus.CANCELLED,
      });
      const closed = await rowCounts(t.dataSource, TABLES);
      const late = await change(manager, completed.id, at(10));
      await refused(late, 'CONFLICT', closed);
      expect(late.errors![0].message).toBe('This assignment is already completed');
      const gone = await change(manager, cancelled.id, at(10));
      await refused(gone, 'CONFLICT', closed);
      expect(gone.errors![0].message).toBe('This assignment is already cancelled');
    });

    it('says a cancellation refused for completed work without its internal id', async () => {
      const completed = await buildAssignment(t.dataSource, {
        employeeId: learner.id,
        courseId,
        status: AssignmentStatus.COMPLETED,
      });
      const response = await graphql(
        t.app,
        'mutation ($id: ID!) { cancelAssignment(id: $id) { id } }',
        { id: String(completed.id) },
        t.tokenFor(manager),
      );
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors![0].message).toBe('This assignment is already completed');
    });

    it('brings overdue work back to what its progress says, keeping the progress, and audits the move', async () => {
      const started = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId, dueAt: at(-8) });
      const [lesson] = course.lessons;
      const progress = await graphql(
        t.app,
        'mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { status progressPercent } }',
        { a: String(started.id), l: String(lesson.id) },
        t.tokenFor(learner),
      );
      expect(progress.data!.completeLesson).toEqual({ status: 'OVERDUE', progressPercent: 33 });
      const { course: other } = await buildCourse(t.dataSource);
      const untouched = await buildAssignment(t.dataSource, {
        employeeId: learner.id,
        courseId: other.id,
        dueAt: at(-2),
      });

      const moved = await change(manager, started.id, at(14));
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.changeAssignmentDueDate).toEqual({
        id: String(started.id),
        status: 'IN_PROGRESS',
        dueAt: at(14).toISOString(),
        progressPercent: 33,
        reason: 'MANUAL',
      });
      expect((await change(manager, untouched.id, at(14))).data!.changeAssignmentDueDate.status).toBe('ASSIGNED');

      const audit = await graphql(t.app, AUDIT, { f: { action: 'ASSIGNMENT_DUE_DATE_CHANGED' } }, t.tokenFor(manager));
      const events = audit.data!.auditEvents.edges.map((e: { node: { before: string; after: string } }) => ({
        before: JSON.parse(e.node.before),
        after: JSON.parse(e.node.after),
      }));
      expect(events).toContainEqual({
        before: { dueAt: at(-8).toISOString(), status: 'OVERDUE' },
        after: { dueAt: at(14).toISOString(), status: 'IN_PROGRESS' },
      });
      // The same date again changes nothing and records nothing.
      const before = await rowCounts(t.dataSource, TABLES);
      expect((await change(manager, started.id, at(14))).data!.changeAssignmentDueDate.dueAt).toBe(
        at(14).toISOString(),
      );
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('keeps a refresher due by its valid certificate’s expiry, and frees it once the certificate has lapsed', async () => {
      const { course: refresherCourse } = await buildCourse(t.dataSource);
      const program = await buildProgram(t.dataSource, { refresherCourseId: refresherCourse.id });
      const certificate = await t.dataSource.transaction((m) =>
        t.app.get(CertificationWriter).issue(m, {
          employeeId: learner.id,
          storeId: store.id,
          program,
          earnedAt: at(-340),
          source: CertificationSource.MANUAL_GRANT,
          actorId: null,
        }),
      );
      const expiresAt = at(20);
      await t.dataSource.getRepository(CertificationEntity).update({ id: certificate.id }, { expiresAt });
      const refresher = await buildAssignment(t.dataSource, {
        employeeId: learner.id,
        courseId: refresherCourse.id,
        reason: AssignmentReason.REFRESHER,
        programId: program.id,
        dueAt: expiresAt,
      });

      const before = await rowCounts(t.dataSource, TABLES);
      const beyond = await change(manager, refresher.id, at(30));
      await refused(beyond, 'BAD_USER_INPUT', before);
      expect(beyond.errors![0].message).toBe(
        `dueAt must not be after ${expiresAt.toISOString()}, when the certificate this refresher renews expires`,
      );
      expect((await change(manager, refresher.id, at(10))).errors).toBeUndefined();
      expect((await change(manager, refresher.id, expiresAt)).errors).toBeUndefined();

      // The certificate lapses with the refresher undone: it is the way back, given the time it needs.
      t.clock.set(at(25));
      const lapsed = await change(manager, refresher.id, at(40));
      expect(lapsed.errors).toBeUndefined();
      expect(lapsed.data!.changeAssignmentDueDate.status).toBe('ASSIGNED');
    });

    it('waits for a completion holding the assignment, then answers that it is completed', async () => {
      const open = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId, dueAt: at(3) });
      const other = t.dataSource.createQueryRunner();
      try {
        await other.startTransaction();
        await other.query('SELECT id FROM assignments WHERE id = ? FOR UPDATE', [open.id]);
        await other.query(
          "UPDATE assignments SET status = 'COMPLETED', open_key = NULL, completed_at = NOW(3) WHERE id = ?",
          [open.id],
        );
        const answer = change(manager, open.id, at(10));
        expect(await lockWaitsOn(t.dataSource, 'assignments')).toBe(true);
        await other.commitTransaction();
        expect(errorCode(await answer)).toBe('CONFLICT');
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
      expect((await stored(open.id)).dueAt).toEqual(at(3));
    });
  });

  describe('reminders', () => {
    let store: StoreEntity;
    let manager: EmployeeEntity;
    let learner: EmployeeEntity;
    let planning: ReminderPlanning;

    beforeEach(async () => {
      planning = worker.app.get(ReminderPlanning);
      store = await buildStore(t.dataSource, { timezone: 'America/New_York' });
      // Without an email address: the weekly digest that planning gives them is not mailed.
      manager = await buildEmployee(t.dataSource, { storeId: store.id, role: Role.STORE_MANAGER, email: null });
      learner = await buildEmployee(t.dataSource, { storeId: store.id, email: 'dana@example.test', firstName: 'Dana' });
    });

    const sweepAndDeliver = async (count: number) => {
      await worker.app.get(NotificationSweep).sweep();
      await smtp.waitFor(count);
    };

    it('cancels what was planned for the old date and sends the new date’s', async () => {
      const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId, dueAt: at(7.5) });
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => [n.offsetKey, n.status])).toEqual([
        ['D7@2026-01-23', NotificationStatus.PENDING],
      ]);

      expect((await change(manager, assignment.id, at(14.5))).errors).toBeUndefined();

      expect(
        (await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => [n.offsetKey, n.status, n.lastError]),
      ).toEqual([['D7@2026-01-23', NotificationStatus.CANCELLED, 'Not sent: the due date was moved']]);
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => [n.offsetKey, n.status])).toEqual([
        ['D7@2026-01-23', NotificationStatus.CANCELLED],
        ['D14@2026-01-30', NotificationStatus.PENDING],
      ]);
      // Its moment, 16 January 03:00 UTC, is held until the store opens that morning.
      t.clock.set(at(1));
      await sweepAndDeliver(1);
      const [email] = smtp.messages.filter((m) => m.subject?.startsWith('Reminder'));
      expect(email.to).toMatchObject({ text: 'dana@example.test' });
      expect(email.subject).toMatch(/is due on Thursday, 29 January 2026$/);
      expect(smtp.messages.filter((m) => m.subject?.includes('22 January'))).toEqual([]);
    });

    it('stops the overdue reminders and the escalation of work given more time, and plans them from the new date', async () => {
      const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId, dueAt: at(-7.5) });
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_OVERDUE)).map((n) => n.status)).toEqual([
        NotificationStatus.PENDING,
      ]);
      expect((await notifications(NotificationKind.ESCALATION)).map((n) => n.status)).toEqual([
        NotificationStatus.PENDING,
      ]);

      // 18 January 21:00 UTC: 16:00 in New York.
      expect((await change(manager, assignment.id, at(3.25))).data!.changeAssignmentDueDate.status).toBe('ASSIGNED');
      await planning.plan();
      const pending = await t.dataSource
        .getRepository(NotificationEntity)
        .findBy({ subjectType: NotificationSubjectType.ASSIGNMENT, status: NotificationStatus.PENDING });
      expect(pending).toEqual([]);
      expect((await notifications(NotificationKind.ESCALATION)).map((n) => n.lastError)).toEqual([
        'Not sent: the due date was moved',
      ]);

      // Past the new date, the learner is told it is overdue again, about the new date.
      t.clock.set(at(4));
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_OVERDUE)).map((n) => [n.offsetKey, n.status])).toEqual([
        ['OVERDUE-2@2026-01-08', NotificationStatus.CANCELLED],
        ['OVERDUE-1@2026-01-18', NotificationStatus.PENDING],
      ]);
      await sweepAndDeliver(1);
      expect(smtp.messages.map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Overdue: "Course \d+" was due on Sunday, 18 January 2026$/),
      ]);
    });

    it('plans the reminders again for a due date moved within the same day', async () => {
      const assignment = await buildAssignment(t.dataSource, {
        employeeId: learner.id,
        courseId,
        dueAt: new Date('2026-01-16T14:00:00Z'),
      });
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => n.offsetKey)).toEqual(['D1@2026-01-16']);

      const later = new Date('2026-01-16T22:00:00Z');
      expect((await change(manager, assignment.id, later)).errors).toBeUndefined();
      await planning.plan();

      const [reminder] = await notifications(NotificationKind.ASSIGNMENT_DUE);
      expect(reminder).toMatchObject({ offsetKey: 'D1@2026-01-16', status: NotificationStatus.PENDING });
      expect(reminder.templateData).toMatchObject({ dueAt: later.toISOString() });
      // Its moment, 17:00 in New York on the 15th, is held until the store opens the next morning.
      t.clock.set(at(1));
      await sweepAndDeliver(1);
      // 22:00 UTC is 17:00 in New York.
      expect(smtp.messages[0].text).toContain('Friday, 16 January 2026 at 17:00 New York time');
    });

    it('does not send a reminder a planning run wrote for the old date after the move', async () => {
      const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId, dueAt: at(7.5) });
      expect((await change(manager, assignment.id, at(20))).errors).toBeUndefined();
      // What a run that read the assignment before the move writes once it has committed.
      await worker.app.get(NotificationPlanner).plan(t.dataSource.manager, [
        {
          kind: NotificationKind.ASSIGNMENT_DUE,
          recipientId: learner.id,
          subjectType: NotificationSubjectType.ASSIGNMENT,
          subjectId: assignment.id,
          offsetKey: 'D7@2026-01-22',
          plannedAt: THURSDAY_MORNING,
          expiresAt: at(7.5),
          templateData: { assignmentId: assignment.id, courseTitle: 'Old', dueAt: at(7.5).toISOString() },
        },
      ]);

      await worker.app.get(NotificationSweep).sweep();

      await eventually(async () =>
        expect(await notifications(NotificationKind.ASSIGNMENT_DUE)).toEqual([
          expect.objectContaining({
            status: NotificationStatus.CANCELLED,
            lastError: expect.stringContaining('the due date of the assignment was moved'),
          }),
        ]),
      );
      expect(smtp.messages).toEqual([]);
    });
  });
});
