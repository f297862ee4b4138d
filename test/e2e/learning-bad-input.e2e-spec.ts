import { AssignmentStatus } from '@lp/assignments';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  type BuiltCourse,
  completeLessons,
  createTestApp,
  errorCode,
  graphql,
  type GraphqlResponse,
  type TestApp,
} from '@lp/testing';

const COMPLETE_LESSON = 'mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { id status } }';
const START = `mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id expiresAt questions { id options { id } } } }`;
const SUBMIT = `mutation ($attempt: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attempt, answers: $answers) { passed scorePercent }
}`;

describe('learning refuses bad input clearly and writes nothing', () => {
  let t: TestApp;
  let course: BuiltCourse;
  let learner: { id: number };
  let token: string;
  let assignmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    course = await buildCourse(t.dataSource, { lessons: 2, questions: 4, quiz: { timeLimitMinutes: 10 } });
    learner = await buildEmployee(t.dataSource);
    token = t.tokenFor(learner);
    const assignment = await buildAssignment(
      t.dataSource,
      { employeeId: learner.id, courseId: course.course.id },
      t.clock.now(),
    );
    assignmentId = String(assignment.id);
  });

  async function finishLessons(): Promise<void> {
    await completeLessons(t.app, token, assignmentId, course.lessons);
  }

  async function startAttempt(): Promise<{ id: string; questions: { id: string; options: { id: string }[] }[] }> {
    await finishLessons();
    const started = await graphql(t.app, START, { a: assignmentId }, token);
    expect(started.errors).toBeUndefined();
    return started.data!.startQuizAttempt;
  }

  function rightAnswers(questions: { id: string }[]) {
    return questions.map((q) => {
      const built = course.questions.find((c) => String(c.id) === q.id)!;
      return { questionId: q.id, optionIds: [String(built.rightOptionId)] };
    });
  }

  async function counts() {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM lesson_progress) AS progress,
              (SELECT COUNT(*) FROM quiz_attempts) AS attempts,
              (SELECT COUNT(*) FROM quiz_attempts WHERE submitted_at IS NOT NULL) AS graded,
              (SELECT COUNT(*) FROM quiz_attempt_questions WHERE selected_option_ids IS NOT NULL) AS answers,
              (SELECT COUNT(*) FROM assignments WHERE status = 'COMPLETED') AS completed,
              (SELECT COUNT(*) FROM audit_events) AS audits`,
    );
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  }

  function expectRefused(response: GraphqlResponse<unknown>, code: string, message?: RegExp, field?: string) {
    expect(errorCode(response)).toBe(code);
    expect(response.data).toBeNull();
    if (message) expect(response.errors![0].message).toMatch(message);
    if (field) expect(response.errors![0].extensions!.field).toBe(field);
  }

  it('answers unknown ids with NOT_FOUND and malformed ids with BAD_USER_INPUT', async () => {
    const before = await counts();
    expectRefused(await graphql(t.app, COMPLETE_LESSON, { a: '999999', l: course.lessons[0].id }, token), 'NOT_FOUND');
    expectRefused(await graphql(t.app, COMPLETE_LESSON, { a: assignmentId, l: '999999' }, token), 'NOT_FOUND');
    expectRefused(await graphql(t.app, START, { a: '999999' }, token), 'NOT_FOUND');
    expectRefused(await graphql(t.app, SUBMIT, { attempt: '999999', answers: [] }, token), 'NOT_FOUND');
    expectRefused(
      await graphql(t.app, COMPLETE_LESSON, { a: 'abc', l: '1' }, token),
      'BAD_USER_INPUT',
      /assignmentId must be an id/,
      'assignmentId',
    );
    expect(await counts()).toEqual(before);
  });

  it("treats another employee's assignment and attempt as not found", async () => {
    const attempt = await startAttempt();
    const other = await buildEmployee(t.dataSource);
    const otherToken = t.tokenFor(other);
    const before = await counts();
    expectRefused(
      await graphql(t.app, COMPLETE_LESSON, { a: assignmentId, l: course.lessons[0].id }, otherToken),
      'NOT_FOUND',
    );
    expectRefused(await graphql(t.app, START, { a: assignmentId }, otherToken), 'NOT_FOUND');
    expectRefused(
      await graphql(t.app, SUBMIT, { attempt: attempt.id, answers: rightAnswers(attempt.questions) }, otherToken),
      'NOT_FOUND',
    );
    const mine = await graphql(t.app, '{ myAssignments { id } }', {}, otherToken);
    expect(mine.data!.myAssignments).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a lesson of another course', async () => {
    const otherCourse = await buildCourse(t.dataSource);
    expectRefused(
      await graphql(t.app, COMPLETE_LESSON, { a: assignmentId, l: otherCourse.lessons[0].id }, token),
      'BAD_USER_INPUT',
      /is not a lesson of version 1 of this course/,
      'lessonId',
    );
  });

  it('refuses answers that do not fit the attempt, naming the entry', async () => {
    const attempt = await startAttempt();
    const [q1, q2] = attempt.questions;
    const otherCourse = await buildCourse(t.dataSource);
    const before = await counts();
    const cases: [unknown[], string, RegExp][] = [
      [
        [
          {
            questionId: String(otherCourse.questions[0].id),
            optionIds: [String(otherCourse.questions[0].rightOptionId)],
          },
        ],
        'answers[0].questionId',
        /is not part of this attempt/,
      ],
      [[{ questionId: q1.id, optionIds: [q2.options[0].id] }], 'answers[0].optionIds', /is not an option of question/],
      [
        [{ questionId: q1.id, optionIds: [q1.options[0].id, q1.options[0].id] }],
        'answers[0].optionIds',
        /listed more than once/,
      ],
      [[{ questionId: q1.id, optionIds: [] }], 'answers[0].optionIds', /choose at least one option/],
      [
        [
          { questionId: q1.id, optionIds: [q1.options[0].id] },
          { questionId: q1.id, optionIds: [q1.options[1].id] },
        ],
        'answers[1].questionId',
        /answered more than once/,
      ],
      [
        [{ questionId: q1.id, optionIds: q1.options.map((o) => o.id) }],
        'answers[0].optionIds',
        /takes exactly one option/,
      ],
      [[{ questionId: 'x', optionIds: [] }], 'answers.0.questionId', /must be an id/],
    ];
    for (const [answers, field, message] of cases) {
      expectRefused(
        await graphql(t.app, SUBMIT, { attempt: attempt.id, answers }, token),
        'BAD_USER_INPUT',
        message,
        field,
      );
    }
    expect(await counts()).toEqual(before);

    const accepted = await graphql(
      t.app,
      SUBMIT,
      { attempt: attempt.id, answers: rightAnswers(attempt.questions) },
      token,
    );
    expect(accepted.data!.submitQuizAttempt).toEqual({ passed: true, scorePercent: 100 });
  });

  it('grades an empty answer list as nothing answered: 0 %, and the attempt counts', async () => {
    const attempt = await startAttempt();
    const before = await counts();
    const graded = await graphql(
      t.app,
      `
        mutation ($attempt: ID!) {
          submitQuizAttempt(attemptId: $attempt, answers: []) {
            passed
            scorePercent
            correctCount
            questionCount
            attemptsRemaining
            review {
              questionId
              selectedOptionIds
              answeredCorrectly
            }
          }
        }
      `,
      { attempt: attempt.id },
      token,
    );
    expect(graded.errors).toBeUndefined();
    expect(graded.data!.submitQuizAttempt).toEqual({
      passed: false,
      scorePercent: 0,
      correctCount: 0,
      questionCount: attempt.questions.length,
      attemptsRemaining: 2,
      review: attempt.questions.map((q) => ({ questionId: q.id, selectedOptionIds: [], answeredCorrectly: false })),
    });
    expect(await counts()).toEqual({ ...before, graded: before.graded + 1 });
    const next = await graphql(
      t.app,
      'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { number } }',
      {
        a: assignmentId,
      },
      token,
    );
    expect(next.data!.startQuizAttempt.number).toBe(2);
  });

  it("gives the seconds left by the server's clock, for the attempt in progress too", async () => {
    await finishLessons();
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 1000) * 1000)); // attempts start on a whole second
    const start = 'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id secondsRemaining } }';
    const started = (await graphql(t.app, start, { a: assignmentId }, token)).data!.startQuizAttempt;
    expect(started.secondsRemaining).toBe(600);
    t.clock.set(new Date(t.clock.now().getTime() + 4 * 60_000 + 500));
    expect((await graphql(t.app, start, { a: assignmentId }, token)).data!.startQuizAttempt).toEqual({
      id: started.id,
      secondsRemaining: 360,
    });
  });

  it('refuses a submission after the time limit and its grace, and accepts one within the grace', async () => {
    const late = await startAttempt();
    t.clock.advanceMinutes(10);
    t.clock.set(new Date(t.clock.now().getTime() + 31_000));
    const before = await counts();
    expectRefused(
      await graphql(t.app, SUBMIT, { attempt: late.id, answers: rightAnswers(late.questions) }, token),
      'CONFLICT',
      /time limit of attempt .* ended at/,
    );
    expect(await counts()).toEqual(before);

    // The expired attempt counts as used; the next one may be submitted within the grace.
    const next = (await graphql(t.app, START, { a: assignmentId }, token)).data!.startQuizAttempt;
    expect(next.id).not.toBe(late.id);
    t.clock.advanceMinutes(10);
    t.clock.set(new Date(t.clock.now().getTime() + 25_000));
    const inGrace = await graphql(t.app, SUBMIT, { attempt: next.id, answers: rightAnswers(next.questions) }, token);
    expect(inGrace.data!.submitQuizAttempt.passed).toBe(true);
  });

  it('refuses a second submission of a graded attempt', async () => {
    const attempt = await startAttempt();
    const wrong = attempt.questions.map((q) => ({
      questionId: q.id,
      optionIds: [String(course.questions.find((c) => String(c.id) === q.id)!.wrongOptionId)],
    }));
    expect(
      (await graphql(t.app, SUBMIT, { attempt: attempt.id, answers: wrong }, token)).data!.submitQuizAttempt,
    ).toEqual({ passed: false, scorePercent: 0 });
    const before = await counts();
    expectRefused(
      await graphql(t.app, SUBMIT, { attempt: attempt.id, answers: rightAnswers(attempt.questions) }, token),
      'CONFLICT',
      /already been submitted/,
    );
    expect(await counts()).toEqual(before);
  });

  it('stops at the maximum number of attempts', async () => {
    await finishLessons();
    for (let i = 0; i < 3; i++) {
      const attempt = (await graphql(t.app, START, { a: assignmentId }, token)).data!.startQuizAttempt;
      await graphql(
        t.app,
        SUBMIT,
        {
          attempt: attempt.id,
          answers: [{ questionId: attempt.questions[0].id, optionIds: [attempt.questions[0].options[0].id] }],
        },
        token,
      );
    }
    const before = await counts();
    expectRefused(await graphql(t.app, START, { a: assignmentId }, token), 'CONFLICT', /all 3 attempts/);
    expect(await counts()).toEqual(before);
  });

  it('refuses learning on a cancelled assignment', async () => {
    const attempt = await startAttempt();
    await t.dataSource.query("UPDATE assignments SET status = 'CANCELLED', open_key = NULL WHERE id = ?", [
      assignmentId,
    ]);
    const before = await counts();
    expectRefused(
      await graphql(t.app, COMPLETE_LESSON, { a: assignmentId, l: course.lessons[0].id }, token),
      'CONFLICT',
      /was cancelled/,
    );
    expectRefused(await graphql(t.app, START, { a: assignmentId }, token), 'CONFLICT', /was cancelled/);
    expectRefused(
      await graphql(t.app, SUBMIT, { attempt: attempt.id, answers: rightAnswers(attempt.questions) }, token),
      'CONFLICT',
      /was cancelled/,
    );
    expect(await counts()).toEqual(before);
  });

  it('lists assignments by presented status: overdue is derived from the due date', async () => {
    const late = await buildCourse(t.dataSource);
    const overdue = await buildAssignment(
      t.dataSource,
      { employeeId: learner.id, courseId: late.course.id, dueAt: new Date(t.clock.now().getTime() - 86_400_000) },
      t.clock.now(),
    );
    const done = await buildCourse(t.dataSource);
    await buildAssignment(
      t.dataSource,
      { employeeId: learner.id, courseId: done.course.id, status: AssignmentStatus.COMPLETED },
      t.clock.now(),
    );
    const ids = async (status?: string) =>
      (
        await graphql(
          t.app,
          'query ($s: AssignmentStatus) { myAssignments(status: $s) { id status } }',
          { s: status },
          token,
        )
      ).data!.myAssignments;
    expect(await ids('OVERDUE')).toEqual([{ id: String(overdue.id), status: 'OVERDUE' }]);
    expect(await ids('ASSIGNED')).toEqual([{ id: assignmentId, status: 'ASSIGNED' }]);
    expect((await ids()).map((a: { status: string }) => a.status)).toEqual(['OVERDUE', 'ASSIGNED', 'COMPLETED']);
    const [stored] = await t.dataSource.query('SELECT status FROM assignments WHERE id = ?', [overdue.id]);
    expect(stored.status).toBe('ASSIGNED');

    // An overdue assignment can still be learned.
    const started = await graphql(t.app, COMPLETE_LESSON, { a: String(overdue.id), l: late.lessons[0].id }, token);
    expect(started.data!.completeLesson).toEqual({ id: String(overdue.id), status: 'OVERDUE' });
  });

  it('refuses a second open assignment of the same course in the database itself', async () => {
    await expect(
      buildAssignment(t.dataSource, { employeeId: learner.id, courseId: course.course.id }, t.clock.now()),
    ).rejects.toThrow(/Duplicate entry/);
    await t.dataSource.query("UPDATE assignments SET status = 'COMPLETED', open_key = NULL WHERE id = ?", [
      assignmentId,
    ]);
    await expect(
      buildAssignment(t.dataSource, { employeeId: learner.id, courseId: course.course.id }, t.clock.now()),
    ).resolves.toBeDefined();
    await expect(
      t.dataSource.query("UPDATE assignments SET status = 'COMPLETED' WHERE id <> ?", [assignmentId]),
    ).rejects.toThrow(/chk_assignments_open_key/);
  });
});
