import type { EntityManager } from 'typeorm';
import { AssignmentCompletion, type AssignmentEntity, AssignmentStatus } from '@lp/assignments';
import { ConflictError } from '@lp/core';
import { Role } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  completeLessons,
  createTestApp,
  errorCode,
  graphql,
  type TestApp,
} from '@lp/testing';

const AUTHOR = `
  mutation ($code: String!) {
    createCourse(input: { code: $code, title: "Spotting theft", summary: "Signs and safe responses",
                          category: "THEFT_PREVENTION", estimatedMinutes: 25 }) { id }
  }`;
const ADD_LESSON = `mutation ($courseId: ID!, $title: String!) {
  addLesson(courseId: $courseId, input: { title: $title, body: "## Watch\\n\\nStay alert.", mediaUrl: "https://example.com/video" }) { id }
}`;
const ADD_QUESTION = `mutation ($courseId: ID!, $input: QuestionInput!) { addQuestion(courseId: $courseId, input: $input) { id } }`;
const ASSIGNMENT = `id status dueAt completedAt reason progressPercent completedLessonIds course { id title } courseVersion { number }`;
const MY_ASSIGNMENTS = `query ($status: AssignmentStatus) { myAssignments(status: $status) { ${ASSIGNMENT} } }`;
const COMPLETE_LESSON = `mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { ${ASSIGNMENT} } }`;
const START = `mutation ($a: ID!) {
  startQuizAttempt(assignmentId: $a) {
    id number expiresAt attemptsRemaining courseVersion { number } questions { id type prompt options { id text } }
  }
}`;
const SUBMIT = `mutation ($attempt: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attempt, answers: $answers) {
    scorePercent passed correctCount questionCount attemptsRemaining
    assignment { id status completedAt progressPercent }
    review { questionId prompt selectedOptionIds answeredCorrectly explanation }
  }
}`;

const RESULT = `query ($attempt: ID!) {
  quizAttemptResult(attemptId: $attempt) {
    scorePercent passed correctCount questionCount attemptsRemaining
    assignment { id status completedAt progressPercent }
    review { questionId prompt selectedOptionIds answeredCorrectly explanation }
  }
}`;

interface AttemptQuestion {
  id: string;
  type: string;
  prompt: string;
  options: { id: string; text: string }[];
}

/** Right answers are the options whose text starts with "Yes"; the test knows its own course. */
function answersFor(questions: AttemptQuestion[], wrongOn: string[] = []) {
  return questions.map((q) => ({
    questionId: q.id,
    optionIds: q.options
      .filter((o) => (wrongOn.includes(q.prompt) ? !o.text.startsWith('Yes') : o.text.startsWith('Yes')))
      .map((o) => o.id)
      .slice(0, q.type === 'MULTIPLE_CHOICE' ? undefined : 1),
  }));
}

describe('learning a course, end to end', () => {
  let t: TestApp;
  let admin: string;
  let learner: { id: number };
  let learnerToken: string;
  const completions: { assignmentId: number; inTransaction: boolean; status: string }[] = [];
  let failCompletion = false;

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(AssignmentCompletion).register({
      onCompleted: async (manager: EntityManager, assignment: AssignmentEntity) => {
        if (failCompletion) throw new ConflictError('The certification could not be issued');
        const [row] = await manager.query('SELECT status FROM assignments WHERE id = ?', [assignment.id]);
        completions.push({
          assignmentId: assignment.id,
          inTransaction: manager.queryRunner?.isTransactionActive ?? false,
          status: row.status,
        });
      },
    });
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    completions.length = 0;
    failCompletion = false;
    admin = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.ADMIN }));
    learner = await buildEmployee(t.dataSource);
    learnerToken = t.tokenFor(learner);
  });

  async function authorCourse(): Promise<{ courseId: string; lessonIds: string[]; lessons: { id: string }[] }> {
    const created = await graphql(t.app, AUTHOR, { code: 'LP-SPOT' }, admin);
    const courseId = created.data!.createCourse.id;
    const lessonIds: string[] = [];
    for (const title of ['Signs of theft', 'What to do']) {
      lessonIds.push((await graphql(t.app, ADD_LESSON, { courseId, title }, admin)).data!.addLesson.id);
    }
    const questions = [
      {
        type: 'SINGLE_CHOICE',
        prompt: 'Who may stop a shoplifter?',
        explanation: 'Only trained, authorised staff.',
        options: [
          { text: 'Yes: trained, authorised staff', correct: true },
          { text: 'Any employee', correct: false },
          { text: 'Customers', correct: false },
        ],
      },
      {
        type: 'MULTIPLE_CHOICE',
        prompt: 'Which are signs worth reporting?',
        explanation: 'Both are classic signs; a purchase is not.',
        options: [
          { text: 'Yes: removing tags', correct: true },
          { text: 'Yes: a bag lined with foil', correct: true },
          { text: 'Paying at the till', correct: false },
        ],
      },
      {
        type: 'TRUE_FALSE',
        prompt: 'You should chase a thief out of the store.',
        explanation: 'Never chase: observe and report.',
        options: [
          { text: 'True', correct: false },
          { text: 'Yes, this is false', correct: true },
        ],
      },
    ];
    for (const input of questions) {
      expect((await graphql(t.app, ADD_QUESTION, { courseId, input }, admin)).errors).toBeUndefined();
    }
    const quiz = await graphql(
      t.app,
      `
        mutation ($c: ID!) {
          configureQuiz(
            courseId: $c
            input: {
              passingScorePercent: 100
              maxAttempts: 3
              timeLimitMinutes: 15
              questionsPerAttempt: 3
              shuffle: true
            }
          ) {
            passingScorePercent
            questionsPerAttempt
          }
        }
      `,
      { c: courseId },
      admin,
    );
    expect(quiz.data!.configureQuiz).toEqual({ passingScorePercent: 100, questionsPerAttempt: 3 });
    const published = await graphql(
      t.app,
      'mutation ($c: ID!) { publishCourse(courseId: $c) { number status publishedAt } }',
      { c: courseId },
      admin,
    );
    expect(published.data!.publishCourse).toMatchObject({ number: 1, status: 'PUBLISHED' });
    return { courseId, lessonIds, lessons: lessonIds.map((id) => ({ id })) };
  }

  it('authors and publishes a course; the learner completes the lessons, fails once, then passes', async () => {
    const { courseId, lessonIds } = await authorCourse();

    const catalogue = await graphql(
      t.app,
      '{ courses(filter: { category: "THEFT_PREVENTION" }) { totalCount edges { node { code currentVersion { number lessons { title mediaUrl } } } } } }',
      {},
      learnerToken,
    );
    expect(catalogue.data!.courses.edges[0].node).toEqual({
      code: 'LP-SPOT',
      currentVersion: {
        number: 1,
        lessons: [
          { title: 'Signs of theft', mediaUrl: 'https://example.com/video' },
          { title: 'What to do', mediaUrl: 'https://example.com/video' },
        ],
      },
    });

    const assignment = await buildAssignment(
      t.dataSource,
      { employeeId: learner.id, courseId: Number(courseId) },
      t.clock.now(),
    );
    const a = String(assignment.id);
    const mine = await graphql(t.app, MY_ASSIGNMENTS, {}, learnerToken);
    expect(mine.data!.myAssignments).toEqual([
      expect.objectContaining({
        id: a,
        status: 'ASSIGNED',
        reason: 'MANUAL',
        progressPercent: 0,
        completedLessonIds: [],
        course: { id: courseId, title: 'Spotting theft' },
        courseVersion: { number: 1 },
      }),
    ]);

    const tooEarly = await graphql(t.app, START, { a }, learnerToken);
    expect(errorCode(tooEarly)).toBe('CONFLICT');
    expect(tooEarly.errors![0].message).toBe('Complete every lesson before the quiz: 0 of 2 done');

    const first = await graphql(t.app, COMPLETE_LESSON, { a, l: lessonIds[0] }, learnerToken);
    expect(first.data!.completeLesson).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 33 });
    const again = await graphql(t.app, COMPLETE_LESSON, { a, l: lessonIds[0] }, learnerToken);
    expect(again.data!.completeLesson).toMatchObject({ status: 'IN_PROGRESS', completedLessonIds: [lessonIds[0]] });
    const second = await graphql(t.app, COMPLETE_LESSON, { a, l: lessonIds[1] }, learnerToken);
    expect(second.data!.completeLesson).toMatchObject({ progressPercent: 66 });
    expect(second.data!.completeLesson.completedLessonIds.sort()).toEqual([...lessonIds].sort());

    const attempt1 = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
    expect(attempt1).toMatchObject({ number: 1, attemptsRemaining: 2, courseVersion: { number: 1 } });
    expect(attempt1.questions).toHaveLength(3);
    expect(new Date(attempt1.expiresAt).getTime() - t.clock.now().getTime()).toBe(15 * 60_000);
    const resumed = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
    // The resumed paper is read back from the database; the first was built from the bank as it was drawn.
    expect(resumed).toEqual(attempt1);

    const failed = await graphql(
      t.app,
      SUBMIT,
      { attempt: attempt1.id, answers: answersFor(attempt1.questions, ['Which are signs worth reporting?']) },
      learnerToken,
    );
    expect(failed.data!.submitQuizAttempt).toMatchObject({
      scorePercent: 66.67,
      passed: false,
      correctCount: 2,
      questionCount: 3,
      attemptsRemaining: 2,
      assignment: { id: a, status: 'IN_PROGRESS', completedAt: null },
    });
    const review = failed.data!.submitQuizAttempt.review;
    expect(review.find((r: any) => r.prompt === 'Which are signs worth reporting?')).toMatchObject({
      answeredCorrectly: false,
      explanation: 'Both are classic signs; a purchase is not.',
    });

    t.clock.advanceMinutes(5);
    const attempt2 = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
    expect(attempt2).toMatchObject({ number: 2, attemptsRemaining: 1 });
    const passed = await graphql(
      t.app,
      SUBMIT,
      { attempt: attempt2.id, answers: answersFor(attempt2.questions) },
      learnerToken,
    );
    expect(passed.data!.submitQuizAttempt).toMatchObject({
      scorePercent: 100,
      passed: true,
      attemptsRemaining: 1,
      assignment: { id: a, status: 'COMPLETED', completedAt: t.clock.now().toISOString(), progressPercent: 100 },
    });
    expect(passed.data!.submitQuizAttempt.review.every((r: any) => r.answeredCorrectly)).toBe(true);

    const completed = await graphql(t.app, MY_ASSIGNMENTS, { status: 'COMPLETED' }, learnerToken);
    expect(completed.data!.myAssignments).toEqual([expect.objectContaining({ id: a, status: 'COMPLETED' })]);
    expect(completions).toEqual([{ assignmentId: assignment.id, inTransaction: true, status: 'COMPLETED' }]);
    const audit = await t.dataSource.query(
      "SELECT actor_id FROM audit_events WHERE action = 'ASSIGNMENT_COMPLETED' AND subject_id = ?",
      [a],
    );
    expect(audit).toEqual([{ actor_id: learner.id }]);
    expect(errorCode(await graphql(t.app, START, { a }, learnerToken))).toBe('CONFLICT');
  });

  it('keeps a learner on the version they started when a new one is published mid-course', async () => {
    const { courseId, lessonIds } = await authorCourse();
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: Number(courseId) });
    const a = String(assignment.id);
    await graphql(t.app, COMPLETE_LESSON, { a, l: lessonIds[0] }, learnerToken);

    // Editing a lesson of the published version opens draft 2 with a copy of it.
    const edited = await graphql(
      t.app,
      'mutation ($l: ID!) { updateLesson(lessonId: $l, input: { title: "Signs of theft, revised" }) { id title } }',
      { l: lessonIds[0] },
      admin,
    );
    expect(edited.data!.updateLesson.id).not.toBe(lessonIds[0]);
    const republished = await graphql(
      t.app,
      'mutation ($c: ID!) { publishCourse(courseId: $c) { number } }',
      { c: courseId },
      admin,
    );
    expect(republished.data!.publishCourse).toEqual({ number: 2 });

    const course = await graphql(
      t.app,
      'query ($c: ID!) { course(id: $c) { currentVersion { number lessons { id title } } } }',
      { c: courseId },
      learnerToken,
    );
    expect(course.data!.course.currentVersion.number).toBe(2);
    const v2LessonIds = course.data!.course.currentVersion.lessons.map((l: { id: string }) => l.id);

    const wrongVersion = await graphql(t.app, COMPLETE_LESSON, { a, l: v2LessonIds[1] }, learnerToken);
    expect(errorCode(wrongVersion)).toBe('BAD_USER_INPUT');
    expect(wrongVersion.errors![0].extensions!.field).toBe('lessonId');

    const progress = await graphql(t.app, COMPLETE_LESSON, { a, l: lessonIds[1] }, learnerToken);
    expect(progress.data!.completeLesson).toMatchObject({ courseVersion: { number: 1 }, progressPercent: 66 });
    const attempt = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
    expect(attempt.courseVersion).toEqual({ number: 1 });
    const result = await graphql(
      t.app,
      SUBMIT,
      { attempt: attempt.id, answers: answersFor(attempt.questions) },
      learnerToken,
    );
    expect(result.data!.submitQuizAttempt.passed).toBe(true);

    const versions = await t.dataSource.query(
      `SELECT v.number FROM lesson_progress p JOIN course_versions v ON v.id = p.course_version_id WHERE p.assignment_id = ?
       UNION ALL
       SELECT v.number FROM quiz_attempts q JOIN course_versions v ON v.id = q.course_version_id WHERE q.assignment_id = ?
       UNION ALL
       SELECT v.number FROM assignments x JOIN course_versions v ON v.id = x.course_version_id WHERE x.id = ?`,
      [a, a, a],
    );
    expect(versions.map((v: { number: number }) => v.number)).toEqual([1, 1, 1, 1]);

    // Someone starting now takes version 2.
    const newcomer = await buildEmployee(t.dataSource);
    const theirs = await buildAssignment(t.dataSource, { employeeId: newcomer.id, courseId: Number(courseId) });
    const started = await graphql(
      t.app,
      COMPLETE_LESSON,
      { a: String(theirs.id), l: v2LessonIds[0] },
      t.tokenFor(newcomer),
    );
    expect(started.data!.completeLesson.courseVersion).toEqual({ number: 2 });
  });

  it('draws questions the learner has not seen yet for a retry', async () => {
    const course = await buildCourse(t.dataSource, { lessons: 1, questions: 8, quiz: { questionsPerAttempt: 4 } });
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: course.course.id });
    const a = String(assignment.id);
    await graphql(t.app, COMPLETE_LESSON, { a, l: course.lessons[0].id }, learnerToken);
    const seen: string[][] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
      seen.push(started.questions.map((q: AttemptQuestion) => q.id));
      const wrong = started.questions.map((q: AttemptQuestion) => ({
        questionId: q.id,
        optionIds: [String(course.questions.find((c) => String(c.id) === q.id)!.wrongOptionId)],
      }));
      await graphql(t.app, SUBMIT, { attempt: started.id, answers: wrong }, learnerToken);
    }
    expect(seen[0]).toHaveLength(4);
    expect(seen[1].filter((id) => seen[0].includes(id))).toEqual([]);
  });

  it('grades racing submissions of one attempt exactly once', async () => {
    const { courseId, lessons } = await authorCourse();
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: Number(courseId) });
    const a = String(assignment.id);
    await completeLessons(t.app, learnerToken, a, lessons);
    const attempt = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
    const answers = answersFor(attempt.questions);

    const results = await Promise.all(
      [1, 2, 3].map(() => graphql(t.app, SUBMIT, { attempt: attempt.id, answers }, learnerToken)),
    );
    const graded = results.filter((r) => r.data?.submitQuizAttempt);
    expect(graded).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(2);
    expect(graded[0].data!.submitQuizAttempt.assignment.status).toBe('COMPLETED');

    const [row] = await t.dataSource.query('SELECT submitted_at, passed FROM quiz_attempts WHERE id = ?', [attempt.id]);
    expect(row.passed).toBe(1);
    const completedEvents = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'ASSIGNMENT_COMPLETED'",
    );
    expect(Number(completedEvents[0].n)).toBe(1);
    expect(completions).toHaveLength(1);
  });

  it("shows a graded attempt's result again to its learner only, as after a submit whose answer was lost", async () => {
    const { courseId, lessons } = await authorCourse();
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: Number(courseId) });
    const a = String(assignment.id);
    await completeLessons(t.app, learnerToken, a, lessons);
    const attempt = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;
    const notYet = await graphql(t.app, RESULT, { attempt: attempt.id }, learnerToken);
    expect(errorCode(notYet)).toBe('CONFLICT');
    expect(notYet.errors![0].message).toMatch(/has not been submitted yet/);

    const answers = answersFor(attempt.questions, ['Who may stop a shoplifter?']).filter(
      (answer) => answer.questionId !== attempt.questions[2].id,
    );
    const submitted = await graphql(t.app, SUBMIT, { attempt: attempt.id, answers }, learnerToken);
    expect(submitted.data!.submitQuizAttempt.passed).toBe(false);

    const again = await graphql(t.app, RESULT, { attempt: attempt.id }, learnerToken);
    expect(again.errors).toBeUndefined();
    expect(again.data!.quizAttemptResult).toEqual(submitted.data!.submitQuizAttempt);
    expect(again.data!.quizAttemptResult.review[2]).toMatchObject({ selectedOptionIds: [], answeredCorrectly: false });

    const someoneElse = t.tokenFor(await buildEmployee(t.dataSource));
    expect(errorCode(await graphql(t.app, RESULT, { attempt: attempt.id }, someoneElse))).toBe('NOT_FOUND');
    expect(errorCode(await graphql(t.app, RESULT, { attempt: '999999' }, learnerToken))).toBe('NOT_FOUND');
    expect(errorCode(await graphql(t.app, RESULT, { attempt: 'x' }, learnerToken))).toBe('BAD_USER_INPUT');
  });

  it('rolls the grade back with the completion when a completion hook fails', async () => {
    const { courseId, lessons } = await authorCourse();
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: Number(courseId) });
    const a = String(assignment.id);
    await completeLessons(t.app, learnerToken, a, lessons);
    const attempt = (await graphql(t.app, START, { a }, learnerToken)).data!.startQuizAttempt;

    failCompletion = true;
    const refused = await graphql(
      t.app,
      SUBMIT,
      { attempt: attempt.id, answers: answersFor(attempt.questions) },
      learnerToken,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    const [row] = await t.dataSource.query('SELECT submitted_at FROM quiz_attempts WHERE id = ?', [attempt.id]);
    expect(row.submitted_at).toBeNull();
    const [stored] = await t.dataSource.query('SELECT status FROM assignments WHERE id = ?', [a]);
    expect(stored.status).toBe(AssignmentStatus.IN_PROGRESS);
  });
});
