import { Role } from '@lp/organisation';
import {
  buildEmployee,
  createTestApp,
  errorCode,
  graphql,
  type GraphqlResponse,
  lockWaitsOn,
  type TestApp,
} from '@lp/testing';

const CREATE = `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id code } }`;
const ADD_LESSON = `mutation ($c: ID!, $input: LessonInput!) { addLesson(courseId: $c, input: $input) { id position title mediaUrl } }`;
const ADD_QUESTION = `mutation ($c: ID!, $input: QuestionInput!) {
  addQuestion(courseId: $c, input: $input) { id position options { id text correct } }
}`;
const PUBLISH = `mutation ($c: ID!) { publishCourse(courseId: $c) { number status } }`;
const COURSE = `query ($c: ID!) {
  course(id: $c) {
    title
    currentVersion { number lessons { id title } questions { prompt } }
    draftVersion { number status lessons { id title position } questions { id prompt options { text correct } } quiz { questionsPerAttempt } }
  }
}`;

const lesson = (title: string) => ({ title, body: `## ${title}\n\nSomething worth knowing.` });
const question = (prompt: string, type = 'SINGLE_CHOICE', correct = [true, false]) => ({
  type,
  prompt,
  explanation: 'Because.',
  options: correct.map((c, i) => ({ text: `${prompt} option ${i + 1}`, correct: c })),
});

describe('authoring courses', () => {
  let t: TestApp;
  let admin: string;
  let employee: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    admin = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.ADMIN }));
    employee = t.tokenFor(await buildEmployee(t.dataSource));
  });

  async function createCourse(code = 'LP-AUTH', category = 'BASICS', title = 'Authoring test'): Promise<string> {
    const input = { code, title, summary: 'What it is about', category, estimatedMinutes: 20 };
    const created = await graphql(t.app, CREATE, { input }, admin);
    expect(created.errors).toBeUndefined();
    return created.data!.createCourse.id;
  }

  async function readyCourse(code = 'LP-AUTH'): Promise<string> {
    const c = await createCourse(code);
    await graphql(t.app, ADD_LESSON, { c, input: lesson('One') }, admin);
    await graphql(t.app, ADD_LESSON, { c, input: lesson('Two') }, admin);
    await graphql(t.app, ADD_QUESTION, { c, input: question('First?') }, admin);
    await graphql(t.app, ADD_QUESTION, { c, input: question('Second?', 'TRUE_FALSE', [false, true]) }, admin);
    await graphql(
      t.app,
      'mutation ($c: ID!) { configureQuiz(courseId: $c, input: { questionsPerAttempt: 2 }) { shuffle } }',
      { c },
      admin,
    );
    return c;
  }

  function expectPublishRefused(response: GraphqlResponse<unknown>, reason: string) {
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toContain(reason);
    expect(response.errors![0].extensions!.problems).toEqual(expect.arrayContaining([expect.stringContaining(reason)]));
  }

  it('refuses to publish an unfinished course, saying why, and publishes nothing', async () => {
    const c = await createCourse();
    expectPublishRefused(await graphql(t.app, PUBLISH, { c }, admin), 'lessons: a course needs at least one lesson');
    await graphql(t.app, ADD_LESSON, { c, input: lesson('One') }, admin);
    expectPublishRefused(
      await graphql(t.app, PUBLISH, { c }, admin),
      'quiz.questionsPerAttempt: the quiz draws 10 questions per attempt but the bank has 0',
    );
    await graphql(
      t.app,
      'mutation ($c: ID!) { configureQuiz(courseId: $c, input: { questionsPerAttempt: 1 }) { shuffle } }',
      { c },
      admin,
    );

    const cases: [ReturnType<typeof question>, string][] = [
      [question('None right?', 'MULTIPLE_CHOICE', [false, false]), 'questions[0].options: no option is marked correct'],
      [
        question('Two right?', 'SINGLE_CHOICE', [true, true, false]),
        'questions[0].options: a single-choice question needs exactly one correct option; it has 2',
      ],
      [
        question('All right?', 'MULTIPLE_CHOICE', [true, true, true]),
        'questions[0].options: every option is marked correct, so ticking every box answers it; mark at least one option wrong',
      ],
      [
        question('Three ways?', 'TRUE_FALSE', [true, false, false]),
        'questions[0].options: a true/false question needs exactly 2 options; it has 3',
      ],
      [
        question('Both true?', 'TRUE_FALSE', [true, true]),
        'questions[0].options: a true/false question needs exactly one correct option; it has 2',
      ],
    ];
    for (const [input, reason] of cases) {
      const added = await graphql(t.app, ADD_QUESTION, { c, input }, admin);
      expectPublishRefused(await graphql(t.app, PUBLISH, { c }, admin), reason);
      await graphql(
        t.app,
        'mutation ($q: ID!) { removeQuestion(questionId: $q) { number } }',
        { q: added.data!.addQuestion.id },
        admin,
      );
    }
    const course = await graphql(t.app, COURSE, { c }, admin);
    expect(course.data!.course.currentVersion).toBeNull();
    expect(course.data!.course.draftVersion).toMatchObject({ number: 1, status: 'DRAFT' });
    const published = await t.dataSource.query("SELECT COUNT(*) AS n FROM course_versions WHERE status = 'PUBLISHED'");
    expect(Number(published[0].n)).toBe(0);
  });

  it('publishes immutable versions: later edits go to a new draft copied from the current version', async () => {
    const c = await readyCourse();
    expect((await graphql(t.app, PUBLISH, { c }, admin)).data!.publishCourse).toEqual({
      number: 1,
      status: 'PUBLISHED',
    });
    const nothingToPublish = await graphql(t.app, PUBLISH, { c }, admin);
    expect(errorCode(nothingToPublish)).toBe('BAD_USER_INPUT');
    expect(nothingToPublish.errors![0].message).toBe(
      'courseId: LP-AUTH has no draft to publish; its current version is already published',
    );

    const v1 = (await graphql(t.app, COURSE, { c }, admin)).data!.course;
    expect(v1.draftVersion).toBeNull();
    const [lessonOne] = v1.currentVersion.lessons.map((l: { id: string }) => l.id);

    const added = await graphql(
      t.app,
      ADD_LESSON,
      { c, input: { ...lesson('Three'), mediaUrl: 'http://intranet/video.mp4' } },
      admin,
    );
    expect(added.data!.addLesson).toMatchObject({ position: 3, mediaUrl: 'http://intranet/video.mp4' });
    const draft = (await graphql(t.app, COURSE, { c }, admin)).data!.course.draftVersion;
    expect(draft.number).toBe(2);
    expect(draft.lessons.map((l: { title: string }) => l.title)).toEqual(['One', 'Two', 'Three']);
    expect(draft.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['First?', 'Second?']);
    expect(draft.questions[1].options).toEqual([
      { text: 'Second? option 1', correct: false },
      { text: 'Second? option 2', correct: true },
    ]);
    expect(draft.quiz.questionsPerAttempt).toBe(2);

    // Version 1's rows cannot be edited while the draft exists.
    const refused = await graphql(
      t.app,
      'mutation ($l: ID!) { updateLesson(lessonId: $l, input: { title: "Changed" }) { id } }',
      { l: lessonOne },
      admin,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/belongs to version 1 of LP-AUTH, which is published and cannot change/);

    const draftIds = draft.lessons.map((l: { id: string }) => l.id);
    const reordered = await graphql(
      t.app,
      'mutation ($c: ID!, $ids: [ID!]!) { reorderLessons(courseId: $c, lessonIds: $ids) { lessons { title position } } }',
      { c, ids: [draftIds[2], draftIds[0], draftIds[1]] },
      admin,
    );
    expect(reordered.data!.reorderLessons.lessons).toEqual([
      { title: 'Three', position: 1 },
      { title: 'One', position: 2 },
      { title: 'Two', position: 3 },
    ]);
    const incomplete = await graphql(
      t.app,
      'mutation ($c: ID!, $ids: [ID!]!) { reorderLessons(courseId: $c, lessonIds: $ids) { number } }',
      { c, ids: [draftIds[0], draftIds[0], draftIds[1]] },
      admin,
    );
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
    const removed = await graphql(
      t.app,
      'mutation ($l: ID!) { removeLesson(lessonId: $l) { lessons { title position } } }',
      { l: draftIds[0] },
      admin,
    );
    expect(removed.data!.removeLesson.lessons).toEqual([
      { title: 'Three', position: 1 },
      { title: 'Two', position: 2 },
    ]);
    const updatedQuestion = await graphql(
      t.app,
      `
        mutation ($q: ID!) {
          updateQuestion(
            questionId: $q
            input: {
              prompt: "First, revised?"
              options: [
                { text: "Yes", correct: true }
                { text: "No", correct: false }
                { text: "Maybe", correct: false }
              ]
            }
          ) {
            prompt
            options {
              text
              correct
            }
          }
        }
      `,
      { q: draft.questions[0].id },
      admin,
    );
    expect(updatedQuestion.data!.updateQuestion.options).toHaveLength(3);

    expect((await graphql(t.app, PUBLISH, { c }, admin)).data!.publishCourse).toEqual({
      number: 2,
      status: 'PUBLISHED',
    });
    const [v1Lessons] = await t.dataSource.query(
      `SELECT GROUP_CONCAT(l.title ORDER BY l.position) AS titles FROM lessons l
         JOIN course_versions v ON v.id = l.course_version_id WHERE v.number = 1`,
    );
    expect(v1Lessons.titles).toBe('One,Two');
    const audit = await t.dataSource.query("SELECT action FROM audit_events WHERE subject_type = 'Course' ORDER BY id");
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'COURSE_CREATED',
      'COURSE_PUBLISHED',
      'COURSE_PUBLISHED',
    ]);
  });

  it('edits catalogue details in place and refuses nulls and bad values', async () => {
    const c = await createCourse();
    const updated = await graphql(
      t.app,
      'mutation ($c: ID!) { updateCourse(courseId: $c, input: { title: "Renamed", estimatedMinutes: 30 }) { title estimatedMinutes summary } }',
      { c },
      admin,
    );
    expect(updated.data!.updateCourse).toEqual({ title: 'Renamed', estimatedMinutes: 30, summary: 'What it is about' });
    const nulled = await graphql(
      t.app,
      'mutation ($c: ID!) { updateCourse(courseId: $c, input: { title: null }) { title } }',
      { c },
      admin,
    );
    expect(errorCode(nulled)).toBe('BAD_USER_INPUT');
    const quizNull = await graphql(
      t.app,
      'mutation ($c: ID!) { configureQuiz(courseId: $c, input: { maxAttempts: null }) { maxAttempts } }',
      { c },
      admin,
    );
    expect(errorCode(quizNull)).toBe('BAD_USER_INPUT');
    const noLimit = await graphql(
      t.app,
      'mutation ($c: ID!) { configureQuiz(courseId: $c, input: { timeLimitMinutes: null, passingScorePercent: 70 }) { timeLimitMinutes passingScorePercent maxAttempts } }',
      { c },
      admin,
    );
    expect(noLimit.data!.configureQuiz).toEqual({ timeLimitMinutes: null, passingScorePercent: 70, maxAttempts: 3 });
    const duplicate = await graphql(
      t.app,
      CREATE,
      { input: { code: 'lp-auth', title: 'Again', summary: 'Again', category: 'BASICS', estimatedMinutes: 5 } },
      admin,
    );
    expect(errorCode(duplicate)).toBe('CONFLICT');
    expect(errorCode(await graphql(t.app, COURSE, { c: '999999' }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await graphql(t.app, PUBLISH, { c: '999999' }, admin))).toBe('NOT_FOUND');
  });

  it('refuses oversized markdown and non-web media links, writing nothing', async () => {
    const c = await createCourse();
    const oversized = await graphql(
      t.app,
      ADD_LESSON,
      { c, input: { title: 'Long', body: 'x'.repeat(50_001) } },
      admin,
    );
    expect(errorCode(oversized)).toBe('BAD_USER_INPUT');
    expect(oversized.errors![0].extensions!.field).toBe('body');
    expect(oversized.errors![0].message).toMatch(/longer than 50000 characters/);
    const javascript = await graphql(
      t.app,
      ADD_LESSON,
      { c, input: { ...lesson('Link'), mediaUrl: 'javascript:alert(1)' } },
      admin,
    );
    expect(errorCode(javascript)).toBe('BAD_USER_INPUT');
    expect(javascript.errors![0].extensions!.field).toBe('mediaUrl');
    const tooManyOptions = await graphql(
      t.app,
      ADD_QUESTION,
      {
        c,
        input: question(
          'Many?',
          'MULTIPLE_CHOICE',
          Array.from({ length: 11 }, () => true),
        ),
      },
      admin,
    );
    expect(errorCode(tooManyOptions)).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.dataSource.query(
      'SELECT (SELECT COUNT(*) FROM lessons) + (SELECT COUNT(*) FROM questions) AS n',
    );
    expect(Number(n)).toBe(0);
    const exact = await graphql(t.app, ADD_LESSON, { c, input: { title: 'Long', body: 'x'.repeat(50_000) } }, admin);
    expect(exact.errors).toBeUndefined();
  });

  it('lets only admins author, and shows learners published courses only', async () => {
    const published = await readyCourse('LP-PUB');
    await graphql(t.app, PUBLISH, { c: published }, admin);
    const draftOnly = await createCourse('LP-DRAFT');

    expect(
      errorCode(
        await graphql(
          t.app,
          CREATE,
          { input: { code: 'X', title: 'X', summary: 'X', category: 'X', estimatedMinutes: 1 } },
          employee,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await graphql(t.app, ADD_LESSON, { c: published, input: lesson('Sneaky') }, employee))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await graphql(t.app, PUBLISH, { c: published }, employee))).toBe('FORBIDDEN');

    const list = '{ courses { totalCount edges { node { code } } } }';
    expect((await graphql(t.app, list, {}, employee)).data!.courses).toEqual({
      totalCount: 1,
      edges: [{ node: { code: 'LP-PUB' } }],
    });
    expect((await graphql(t.app, list, {}, admin)).data!.courses.totalCount).toBe(2);
    expect(errorCode(await graphql(t.app, COURSE, { c: draftOnly }, employee))).toBe('NOT_FOUND');

    const draftField = await graphql(
      t.app,
      'query ($c: ID!) { course(id: $c) { code draftVersion { number } } }',
      { c: published },
      employee,
    );
    expect(errorCode(draftField)).toBe('FORBIDDEN');
    const readable = await graphql(
      t.app,
      'query ($c: ID!) { course(id: $c) { code currentVersion { number lessons { title body } quiz { maxAttempts } } } }',
      { c: published },
      employee,
    );
    expect(readable.data!.course).toEqual({
      code: 'LP-PUB',
      currentVersion: {
        number: 1,
        lessons: [
          { title: 'One', body: '## One\n\nSomething worth knowing.' },
          { title: 'Two', body: '## Two\n\nSomething worth knowing.' },
        ],
        quiz: { maxAttempts: 3 },
      },
    });
  });

  it('filters and pages the catalogue, by title', async () => {
    for (const [code, category, title] of [
      ['LP-A', 'SURVEILLANCE', 'CCTV and monitoring'],
      ['LP-B', 'SURVEILLANCE', 'RFID tags'],
      ['LP-C', 'BASICS', 'Loss prevention basics'],
    ]) {
      await createCourse(code, category, title);
    }
    const query = `query ($filter: CourseFilterInput, $first: Int, $after: String) {
      courses(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } }
    }`;
    const codes = async (variables: Record<string, unknown>) =>
      (await graphql(t.app, query, variables, admin)).data!.courses;
    expect((await codes({ filter: { category: 'SURVEILLANCE' } })).totalCount).toBe(2);
    expect((await codes({ filter: { search: 'rfid' } })).edges).toEqual([{ node: { code: 'LP-B' } }]);
    expect((await codes({ filter: { search: 'LP-C' } })).edges).toEqual([{ node: { code: 'LP-C' } }]);
    const first = await codes({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges).toEqual([{ node: { code: 'LP-A' } }, { node: { code: 'LP-C' } }]);
    const second = await codes({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges).toEqual([{ node: { code: 'LP-B' } }]);
    expect(errorCode(await graphql(t.app, query, { first: 1000 }, admin))).toBe('BAD_USER_INPUT');
  });

  describe('two edits of one draft at once take turns', () => {
    const REMOVE_LESSON = 'mutation ($l: ID!) { removeLesson(lessonId: $l) { id } }';
    const REMOVE_QUESTION = 'mutation ($q: ID!) { removeQuestion(questionId: $q) { id } }';

    async function draftWith(lessons: number, questions: number) {
      const c = await createCourse();
      const add = async (query: string, input: unknown) => {
        const added = await graphql(t.app, query, { c, input }, admin);
        expect(added.errors).toBeUndefined();
      };
      for (let n = 1; n <= lessons; n++) await add(ADD_LESSON, lesson(`Lesson ${n}`));
      for (let n = 1; n <= questions; n++) await add(ADD_QUESTION, question(`Question ${n}?`));
      const draft = (await graphql(t.app, COURSE, { c }, admin)).data!.course.draftVersion;
      return {
        c,
        lessonIds: draft.lessons.map((l: { id: string }) => l.id),
        questionIds: draft.questions.map((q: { id: string }) => q.id),
      };
    }
    const outcomes = (answers: GraphqlResponse<unknown>[]) => answers.map((a) => errorCode(a) ?? 'OK').sort();

    /** Sends both requests while the course is locked, and lets them go once both wait for it: they overlap for sure. */
    async function atOnce(c: string, requests: (() => Promise<GraphqlResponse<unknown>>)[]) {
      const holder = t.dataSource.createQueryRunner();
      try {
        await holder.startTransaction();
        await holder.query('SELECT id FROM courses WHERE id = ? FOR UPDATE', [c]);
        const answers = Promise.all(requests.map((send) => send()));
        expect(await lockWaitsOn(t.dataSource, 'courses', requests.length)).toBe(true);
        await holder.commitTransaction();
        return await answers;
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    }

    it('removing one lesson or question twice at once (a double click): one removal, then NOT_FOUND', async () => {
      const { c, lessonIds, questionIds } = await draftWith(5, 5);
      const removeLesson = () => graphql(t.app, REMOVE_LESSON, { l: lessonIds[1] }, admin);
      const removeQuestion = () => graphql(t.app, REMOVE_QUESTION, { q: questionIds[1] }, admin);
      const lessons = await atOnce(c, [removeLesson, removeLesson]);
      const questions = await atOnce(c, [removeQuestion, removeQuestion]);
      expect({ lessons: outcomes(lessons), questions: outcomes(questions) }).toEqual({
        lessons: ['NOT_FOUND', 'OK'],
        questions: ['NOT_FOUND', 'OK'],
      });
    });

    it('removing lessons 2 and 4 at once leaves 1, 3 and 5 at positions 1, 2 and 3', async () => {
      const { c, lessonIds } = await draftWith(5, 0);
      const remove = (l: string) => () => graphql(t.app, REMOVE_LESSON, { l }, admin);
      const answers = await atOnce(c, [remove(lessonIds[1]), remove(lessonIds[3])]);
      expect(outcomes(answers)).toEqual(['OK', 'OK']);
      const draft = (await graphql(t.app, COURSE, { c }, admin)).data!.course.draftVersion;
      expect(draft.lessons.map((l: { title: string; position: number }) => [l.title, l.position])).toEqual([
        ['Lesson 1', 1],
        ['Lesson 3', 2],
        ['Lesson 5', 3],
      ]);
    });
  });
});
