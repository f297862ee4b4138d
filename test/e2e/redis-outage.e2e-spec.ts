import request from 'supertest';
import { NotificationEntity, NotificationKind, NotificationStatus } from '@lp/notifications';
import { PasswordHasher } from '@lp/identity';
import { Role } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildStore,
  completeLessons,
  createTestApp,
  createTestWorker,
  eventually,
  graphql,
  overrideEnvironment,
  prepareTestEnvironment,
  SmtpCapture,
  type TestApp,
  TestRedisServer,
  type TestWorker,
} from '@lp/testing';

const DAY = 86_400_000;
const PASSWORD = 'a long enough password';
const LOGIN = 'mutation ($email: String!, $p: String!) { login(email: $email, password: $p) { accessToken } }';
const MY_ASSIGNMENTS = '{ myAssignments { id status course { id } } }';
const START = 'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id questions { id } } }';
const SUBMIT = `mutation ($attempt: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attempt, answers: $answers) { passed assignment { status } }
}`;
const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const REMOVE_COURSE = `mutation ($id: ID!, $course: ID!) {
  updateCertificationProgram(id: $id, input: { removeCourseIds: [$course] }) { id }
}`;
const ASSIGN = `mutation ($course: ID!, $due: DateTime!, $people: [ID!]) {
  assignCourse(input: { courseId: $course, dueAt: $due, employeeIds: $people }) { created }
}`;

describe('when Redis goes down', () => {
  const redis = new TestRedisServer();
  const smtp = new SmtpCapture();
  let restoreEnvironment: () => void;
  let t: TestApp;
  let worker: TestWorker;
  let closed = false;

  beforeAll(async () => {
    await prepareTestEnvironment();
    await redis.start();
    await smtp.start();
    // Office hours all day, so the reminder may go out whenever the test runs.
    restoreEnvironment = overrideEnvironment({
      REDIS_URL: redis.url,
      NOTIFY_WINDOW_START_HOUR: '0',
      NOTIFY_WINDOW_END_HOUR: '24',
      NOTIFY_SWEEP_EVERY_SECONDS: '5',
    });
    t = await createTestApp();
    await t.reset();
    worker = await createTestWorker({ clock: t.clock, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    if (!closed) {
      await worker?.close();
      await t?.close();
    }
    await redis.kill();
    await smtp.stop();
    restoreEnvironment();
    overrideEnvironment({ SMTP_URL: undefined });
  });

  it('keeps serving reads and writes, and plans and sends the reminders once Redis is back', async () => {
    const store = await buildStore(t.dataSource, { timezone: 'America/New_York' });
    const passwordHash = await t.app.get(PasswordHasher).hash(PASSWORD);
    const learner = await buildEmployee(t.dataSource, {
      storeId: store.id,
      email: 'learner@example.test',
      passwordHash,
    });
    await buildEmployee(t.dataSource, {
      storeId: store.id,
      role: Role.STORE_MANAGER,
      email: 'manager@example.test',
      passwordHash,
    });
    const quizCourse = await buildCourse(t.dataSource, { lessons: 2, questions: 2 });
    const refresher = await buildCourse(t.dataSource);
    const notTaken = await buildCourse(t.dataSource);
    const hr = await buildEmployee(t.dataSource, { storeId: store.id, role: Role.HR });
    const asHr = async (query: string, variables: Record<string, unknown>) => {
      const response = await graphql(t.app, query, variables, t.tokenFor(hr));
      expect(response.errors).toBeUndefined();
      return response.data!;
    };
    const programId = (
      await asHr(CREATE_PROGRAM, {
        input: {
          code: 'LPE',
          name: 'LP Essentials',
          validityMonths: 12,
          recertifyWindowDays: 60,
          courseIds: [quizCourse.course.id, notTaken.course.id],
        },
      })
    ).createCertificationProgram.id;
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: quizCourse.course.id });

    await redis.kill();

    // The API and the worker say Redis is down, to anyone, and no more than that.
    for (const server of [t.app.getHttpServer(), worker.app.getHttpServer()]) {
      const health = await request(server).get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({
        status: 'error',
        info: { database: { status: 'up' } },
        error: { redis: { status: 'down' } },
        details: { database: { status: 'up' }, redis: { status: 'down' } },
      });
    }

    const signIn = async (email: string) => {
      const response = await graphql(t.app, LOGIN, { email, p: PASSWORD });
      expect(response.errors).toBeUndefined();
      return response.data!.login.accessToken as string;
    };
    const learnerToken = await signIn('learner@example.test');
    const mine = await graphql(t.app, MY_ASSIGNMENTS, {}, learnerToken);
    expect(mine.data!.myAssignments).toEqual([
      { id: String(assignment.id), status: 'ASSIGNED', course: { id: String(quizCourse.course.id) } },
    ]);
    await completeLessons(t.app, learnerToken, assignment.id, quizCourse.lessons);
    const attempt = (await graphql(t.app, START, { a: assignment.id }, learnerToken)).data!.startQuizAttempt;
    const answers = attempt.questions.map(({ id }: { id: string }) => ({
      questionId: id,
      optionIds: [String(quizCourse.questions.find((q) => String(q.id) === id)!.rightOptionId)],
    }));
    const graded = await graphql(t.app, SUBMIT, { attempt: attempt.id, answers }, learnerToken);
    expect(graded.data!.submitQuizAttempt).toEqual({ passed: true, assignment: { status: 'COMPLETED' } });

    // Without the worker's queue, the certificates a removed course earns are issued by the request itself.
    await asHr(REMOVE_COURSE, { id: programId, course: notTaken.course.id });
    expect(
      await t.dataSource.query('SELECT employee_id, program_id FROM certifications WHERE current_key IS NOT NULL'),
    ).toEqual([{ employee_id: learner.id, program_id: Number(programId) }]);

    // Due in a week less an hour: the 7-days-before reminder is due now.
    const managerToken = await signIn('manager@example.test');
    const due = new Date(t.clock.now().getTime() + 7 * DAY - 3_600_000).toISOString();
    const assigned = await graphql(
      t.app,
      ASSIGN,
      { course: refresher.course.id, due, people: [learner.id] },
      managerToken,
    );
    expect(assigned.data!.assignCourse).toEqual({ created: 1 });

    await redis.start();

    const sent = await eventually(
      async () => {
        const rows = await t.dataSource.getRepository(NotificationEntity).findBy({
          kind: NotificationKind.ASSIGNMENT_DUE,
          recipientId: learner.id,
          status: NotificationStatus.SENT,
        });
        expect(rows).toHaveLength(1);
        return rows;
      },
      60_000,
      250,
    );
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes('learner@example.test'))).toHaveLength(
      sent.length,
    );
  });

  it('shuts the API and the worker down while Redis is down', async () => {
    await redis.kill();
    closed = true;
    await worker.close();
    await t.close();
  });
});
