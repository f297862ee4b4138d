import { Role } from '@lp/organisation';
import {
  buildAssignment,
  buildEmployee,
  completeLessons,
  createTestApp,
  errorCode,
  graphql,
  type GraphqlResponse,
  type TestApp,
} from '@lp/testing';

const CREATE = `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
const ADD_LESSON = `mutation ($c: ID!, $input: LessonInput!) { addLesson(courseId: $c, input: $input) { id } }`;
const ADD_QUESTION = `mutation ($c: ID!, $input: QuestionInput!) { addQuestion(courseId: $c, input: $input) { id } }`;
const CONFIGURE = `mutation ($c: ID!, $input: QuizInput!) { configureQuiz(courseId: $c, input: $input) { maxAttempts } }`;
const PUBLISH = `mutation ($c: ID!) { publishCourse(courseId: $c) { number } }`;
const ASSIGNMENT = `id status progressPercent completedLessonIds courseVersion { number lessons { id } }`;
const MY_ASSIGNMENTS = `{ myAssignments { ${ASSIGNMENT} } }`;
const START = `mutation ($a: ID!) {
  startQuizAttempt(assignmentId: $a) {
    id number attemptsRemaining courseVersion { number } questions { id options { id text } }
  }
}`;
const SUBMIT = `mutation ($attempt: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attempt, answers: $answers) {
    passed attemptsRemaining assignment { status progressPercent }
    certification { earnedOn { versionNumber course { code } } }
  }
}`;

const lesson = (title: string) => ({ title, body: `## ${title}\n\nSomething worth knowing.` });
/** Right options are the ones whose text starts with "Right". */
const question = (prompt: string, type = 'SINGLE_CHOICE', correct = [true, false]) => ({
  type,
  prompt,
  explanation: 'Because.',
  options: correct.map((c, i) => ({ text: `${c ? 'Right' : 'Wrong'} ${i + 1} of ${prompt}`, correct: c })),
});

interface AttemptQuestion {
  id: string;
  options: { id: string; text: string }[];
}
const rightAnswers = (questions: AttemptQuestion[]) =>
  questions.map((q) => ({
    questionId: q.id,
    optionIds: q.options.filter((o) => o.text.startsWith('Right')).map((o) => o.id),
  }));

describe('course versions as learners and authors meet them', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    admin = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.ADMIN }));
  });

  async function ok<T>(response: Promise<GraphqlResponse<T>>): Promise<T> {
    const answered = await response;
    expect(answered.errors).toBeUndefined();
    return answered.data!;
  }

  /** A published course (version 1) of `lessons` lessons and a 2-question, 100 % quiz. */
  async function publishedCourse(code: string, lessons = 3, quiz: Record<string, unknown> = {}): Promise<string> {
    const input = {
      code,
      title: `Course ${code}`,
      summary: 'What it is about',
      category: 'BASICS',
      estimatedMinutes: 20,
    };
    const c = (await ok(graphql(t.app, CREATE, { input }, admin))).createCourse.id;
    for (let n = 1; n <= lessons; n++) await ok(graphql(t.app, ADD_LESSON, { c, input: lesson(`Lesson ${n}`) }, admin));
    await ok(graphql(t.app, ADD_QUESTION, { c, input: question('First?') }, admin));
    await ok(
      graphql(t.app, ADD_QUESTION, { c, input: question('Second?', 'MULTIPLE_CHOICE', [true, true, false]) }, admin),
    );
    const settings = {
      passingScorePercent: 100,
      maxAttempts: 3,
      questionsPerAttempt: 2,
      timeLimitMinutes: 10,
      ...quiz,
    };
    await ok(graphql(t.app, CONFIGURE, { c, input: settings }, admin));
    expect((await ok(graphql(t.app, PUBLISH, { c }, admin))).publishCourse).toEqual({ number: 1 });
    return c;
  }

  it('a learner half-way through keeps their version, finishes it and is certified on it', async () => {
    const c = await publishedCourse('LP-MID', 3);
    const program = await ok(
      graphql(
        t.app,
        `
          mutation ($c: ID!) {
            createCertificationProgram(
              input: { code: "MID", name: "Mid", courseIds: [$c], validityMonths: 12, recertifyWindowDays: 30 }
            ) {
              id
            }
          }
        `,
        { c },
        admin,
      ),
    );
    expect(program.createCertificationProgram.id).toBeDefined();
    const learner = await buildEmployee(t.dataSource);
    const token = t.tokenFor(learner);
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: Number(c) });
    const a = String(assignment.id);
    const [before] = (await ok(graphql(t.app, MY_ASSIGNMENTS, {}, token))).myAssignments;
    const v1Lessons = before.courseVersion.lessons as { id: string }[];
    await completeLessons(t.app, token, a, v1Lessons);
    const attempt = (await ok(graphql(t.app, START, { a }, token))).startQuizAttempt;
    expect(attempt.courseVersion).toEqual({ number: 1 });

    // Version 2: five lessons, one attempt only, a different bank.
    const draftLessons = 2;
    for (let n = 1; n <= draftLessons; n++)
      await ok(graphql(t.app, ADD_LESSON, { c, input: lesson(`New ${n}`) }, admin));
    await ok(graphql(t.app, ADD_QUESTION, { c, input: question('Third?') }, admin));
    await ok(graphql(t.app, CONFIGURE, { c, input: { maxAttempts: 1, questionsPerAttempt: 3 } }, admin));
    expect((await ok(graphql(t.app, PUBLISH, { c }, admin))).publishCourse).toEqual({ number: 2 });

    const [during] = (await ok(graphql(t.app, MY_ASSIGNMENTS, {}, token))).myAssignments;
    expect(during).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 75, courseVersion: { number: 1 } });
    expect(during.courseVersion.lessons).toEqual(v1Lessons);
    expect([...during.completedLessonIds].sort()).toEqual(v1Lessons.map((l) => l.id).sort());

    const resumed = (await ok(graphql(t.app, START, { a }, token))).startQuizAttempt;
    expect(resumed).toMatchObject({ id: attempt.id, attemptsRemaining: 2, courseVersion: { number: 1 } });
    const result = (
      await ok(graphql(t.app, SUBMIT, { attempt: attempt.id, answers: rightAnswers(attempt.questions) }, token))
    ).submitQuizAttempt;
    expect(result).toMatchObject({
      passed: true,
      attemptsRemaining: 2,
      assignment: { status: 'COMPLETED', progressPercent: 100 },
      certification: { earnedOn: [{ versionNumber: 1, course: { code: 'LP-MID' } }] },
    });
    const [after] = (await ok(graphql(t.app, MY_ASSIGNMENTS, {}, token))).myAssignments;
    expect(after).toMatchObject({ progressPercent: 100, courseVersion: { number: 1 } });
  });

  describe('discarding a draft', () => {
    const DISCARD =
      'mutation ($c: ID!) { discardCourseDraft(courseId: $c) { id currentVersion { number } draftVersion { number } } }';
    const COURSE = `query ($c: ID!) {
      course(id: $c) { currentVersion { number lessons { title } } draftVersion { number lessons { title } } }
    }`;

    it('drops the draft and everything in it, leaves the published version as it was, and is audited', async () => {
      const c = await publishedCourse('LP-DISCARD', 2);
      await ok(graphql(t.app, ADD_LESSON, { c, input: lesson('A mistake') }, admin));
      await ok(graphql(t.app, ADD_QUESTION, { c, input: question('Mistaken?') }, admin));
      const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM lessons');

      const discarded = (await ok(graphql(t.app, DISCARD, { c }, admin))).discardCourseDraft;
      expect(discarded).toEqual({ id: c, currentVersion: { number: 1 }, draftVersion: null });
      const course = (await ok(graphql(t.app, COURSE, { c }, admin))).course;
      expect(course).toEqual({
        currentVersion: { number: 1, lessons: [{ title: 'Lesson 1' }, { title: 'Lesson 2' }] },
        draftVersion: null,
      });
      const [after] = await t.dataSource.query('SELECT COUNT(*) AS n FROM lessons');
      expect(Number(before[0].n) - Number(after.n)).toBe(3);
      const [audit] = await t.dataSource.query(
        "SELECT action, `before` FROM audit_events WHERE action = 'COURSE_DRAFT_DISCARDED'",
      );
      expect(audit).toMatchObject({ action: 'COURSE_DRAFT_DISCARDED' });

      // The next edit opens a fresh draft from the published version, numbered as the discarded one was.
      await ok(graphql(t.app, ADD_LESSON, { c, input: lesson('Lesson 3') }, admin));
      expect((await ok(graphql(t.app, COURSE, { c }, admin))).course.draftVersion).toEqual({
        number: 2,
        lessons: [{ title: 'Lesson 1' }, { title: 'Lesson 2' }, { title: 'Lesson 3' }],
      });
    });

    it('refuses when there is no draft, and to anyone but an admin, writing nothing', async () => {
      const c = await publishedCourse('LP-NODRAFT', 1);
      const none = await graphql(t.app, DISCARD, { c }, admin);
      expect(errorCode(none)).toBe('BAD_USER_INPUT');
      expect(none.errors![0].message).toBe('courseId: LP-NODRAFT has no draft to discard');
      await ok(graphql(t.app, ADD_LESSON, { c, input: lesson('Kept') }, admin));
      const hr = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
      expect(errorCode(await graphql(t.app, DISCARD, { c }, hr))).toBe('FORBIDDEN');
      expect(errorCode(await graphql(t.app, DISCARD, { c: '999999' }, admin))).toBe('NOT_FOUND');
      expect((await ok(graphql(t.app, COURSE, { c }, admin))).course.draftVersion.lessons).toHaveLength(2);
    });
  });
});
