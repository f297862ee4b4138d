import { GraphqlConfig } from '@lp/core';
import { Role } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  type BuiltCourse,
  buildEmployee,
  createTestApp,
  graphql,
  type TestApp,
} from '@lp/testing';

/** The one field that holds the answer key. */
const ANSWER_KEY_FIELD = 'correct';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}
interface IntrospectedType {
  kind: string;
  name: string;
  fields: IntrospectedField[] | null;
}

const INTROSPECTION = `{
  __schema {
    queryType { name } mutationType { name }
    types { kind name fields { name args { name type { ...Ref } } type { ...Ref } } }
  }
}
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

function named(type: TypeRef): TypeRef {
  return type.ofType ? named(type.ofType) : type;
}

function typeString(type: TypeRef): string {
  if (type.kind === 'NON_NULL') return `${typeString(type.ofType!)}!`;
  if (type.kind === 'LIST') return `[${typeString(type.ofType!)}]`;
  return type.name!;
}

/** How deep the API lets a query go: a path to the answer key below it cannot be asked at all. */
const MAX_DEPTH = new GraphqlConfig().GRAPHQL_MAX_DEPTH;

/** Arguments for the fields below the root that need some, written into the selection. */
const NESTED_ARGUMENTS: Record<string, string> = { 'StoreCompliance.program': '(id: "1")' };

/**
 * The selection reaching every `correct` field below a type, following every object field
 * (each type at most once per path, no deeper than the API answers); null when none is reachable.
 */
function selectionToAnswerKey(types: Map<string, IntrospectedType>, typeName: string, path: string[]): string | null {
  const type = types.get(typeName)!;
  const parts: string[] = [];
  if (path.length > MAX_DEPTH) return null;
  for (const field of type.fields ?? []) {
    const target = named(field.type);
    if (field.name === ANSWER_KEY_FIELD) {
      parts.push(field.name);
      continue;
    }
    if (target.kind !== 'OBJECT' || path.includes(target.name!)) continue;
    const below = selectionToAnswerKey(types, target.name!, [...path, target.name!]);
    if (below === null) continue;
    const required = field.args.filter((a) => a.type.kind === 'NON_NULL').map((a) => a.name);
    const args = NESTED_ARGUMENTS[`${typeName}.${field.name}`];
    if (required.length > 0 && args === undefined)
      throw new Error(`${typeName}.${field.name} needs ${required.join(', ')}: give it in NESTED_ARGUMENTS`);
    parts.push(`${field.name}${args ?? ''} { __typename ${below} }`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Every place in a response where the answer key came back with a value. */
function leaks(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaks(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === ANSWER_KEY_FIELD && inner !== null ? [`${path}.${key}`] : leaks(inner, `${path}.${key}`),
  );
}

describe('the answer key is never readable by a learner', () => {
  let t: TestApp;
  let course: BuiltCourse;
  let learnerToken: string;
  let adminToken: string;
  let operations: { name: string; query: string; variables: Record<string, unknown> }[];

  beforeAll(async () => {
    // Every path to the answer key is asked at once; the cost limit, which would refuse that, is not what is tested here.
    t = await createTestApp({ env: { GRAPHQL_MAX_COST: '1000000' } });
    await t.reset();
    adminToken = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.ADMIN }));
    const learner = await buildEmployee(t.dataSource);
    learnerToken = t.tokenFor(learner);
    course = await buildCourse(t.dataSource, { lessons: 1, questions: 3 });
    const assignment = await buildAssignment(
      t.dataSource,
      { employeeId: learner.id, courseId: course.course.id },
      t.clock.now(),
    );
    const assignmentId = String(assignment.id);
    await graphql(
      t.app,
      'mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { id } }',
      { a: assignmentId, l: course.lessons[0].id },
      learnerToken,
    );
    const attempt = await graphql(
      t.app,
      'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id questions { id } } }',
      { a: assignmentId },
      learnerToken,
    );
    const attemptId = attempt.data!.startQuizAttempt.id;
    const answers = course.questions.map((q) => ({ questionId: String(q.id), optionIds: [String(q.rightOptionId)] }));
    const courseId = String(course.course.id);
    const questionInput = {
      type: 'SINGLE_CHOICE',
      prompt: 'Probe?',
      explanation: 'Probe.',
      options: [{ text: 'A', correct: true }],
    };

    /** Arguments for every root field through which the answer key could be reached. */
    const argumentsFor: Record<string, Record<string, unknown>> = {
      course: { id: courseId },
      courses: {},
      myAssignments: {},
      assignments: {},
      certifications: {},
      certificationPrograms: {},
      storeCompliance: { storeId: '999999' },
      complianceByStore: {},
      createCertificationProgram: {
        input: { code: 'PROBE', name: 'Probe', courseIds: [courseId], validityMonths: 12, recertifyWindowDays: 30 },
      },
      updateCertificationProgram: { id: '999999', input: { name: 'Probe' } },
      changeAssignmentDueDate: { id: assignmentId, dueAt: '2099-01-01T00:00:00Z' },
      myCertifications: {},
      grantCertification: { employeeId: '999999', programId: '999999' },
      revokeCertification: { id: '999999', reason: 'Probe' },
      cancelAssignment: { id: assignmentId },
      completeLesson: { assignmentId, lessonId: String(course.lessons[0].id) },
      startQuizAttempt: { assignmentId },
      submitQuizAttempt: { attemptId, answers },
      quizAttemptResult: { attemptId },
      createCourse: { input: { code: 'PROBE', title: 'P', summary: 'P', category: 'P', estimatedMinutes: 1 } },
      updateCourse: { courseId, input: { title: 'Probe' } },
      createCourseDraft: { courseId },
      discardCourseDraft: { courseId },
      publishCourse: { courseId },
      removeLesson: { lessonId: String(course.lessons[0].id) },
      reorderLessons: { courseId, lessonIds: [String(course.lessons[0].id)] },
      addQuestion: { courseId, input: questionInput },
      updateQuestion: { questionId: String(course.questions[0].id), input: { prompt: 'Probe?' } },
      removeQuestion: { questionId: String(course.questions[0].id) },
    };

    const introspected = await graphql(t.app, INTROSPECTION, {}, learnerToken);
    if (!introspected.data) throw new Error(JSON.stringify(introspected.errors));
    const schema = introspected.data.__schema;
    const types = new Map<string, IntrospectedType>(schema.types.map((type: IntrospectedType) => [type.name, type]));
    operations = [];
    for (const [kind, root] of [
      ['query', schema.queryType.name],
      ['mutation', schema.mutationType.name],
    ]) {
      for (const field of types.get(root)!.fields!) {
        const target = named(field.type);
        const selection = target.kind === 'OBJECT' ? selectionToAnswerKey(types, target.name!, [target.name!]) : null;
        if (selection === null) continue;
        const variables = argumentsFor[field.name];
        if (!variables) throw new Error(`${field.name} reaches the answer key: give it arguments in argumentsFor`);
        const declared = field.args.filter((a) => a.name in variables);
        const signature = declared.length
          ? `(${declared.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})`
          : '';
        const passed = declared.length ? `(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        operations.push({
          name: field.name,
          query: `${kind} ${signature} { ${field.name}${passed} { __typename ${selection} } }`,
          variables,
        });
      }
    }
  });
  afterAll(() => t.close());

  async function probe(names: (name: string) => boolean): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const operation of operations.filter((o) => names(o.name))) {
      const response = await graphql(t.app, operation.query, operation.variables, learnerToken);
      // A probe refused before it runs (missing arguments, too deep, too costly) would show nothing.
      const refused = response.errors?.find((e) =>
        ['GRAPHQL_VALIDATION_FAILED', 'QUERY_COST'].includes(String(e.extensions?.reason)),
      );
      expect(refused).toBeUndefined();
      const leaked = leaks(response.data);
      if (leaked.length > 0) found[operation.name] = leaked;
    }
    return found;
  }

  it('finds the paths to the answer key that learners could try', () => {
    expect(operations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['course', 'courses', 'myAssignments', 'startQuizAttempt', 'submitQuizAttempt']),
    );
  });

  it('shows the answer key to an admin through the same queries (so the probe can see a leak)', async () => {
    const operation = operations.find((o) => o.name === 'course')!;
    const response = await graphql(t.app, operation.query, operation.variables, adminToken);
    expect(leaks(response.data).length).toBeGreaterThan(0);
  });

  it('keeps it from the learner before submission, on submission and after it', async () => {
    expect(await probe((name) => name !== 'submitQuizAttempt')).toEqual({});
    const submit = operations.find((o) => o.name === 'submitQuizAttempt')!;
    const submitted = await graphql(t.app, submit.query, submit.variables, learnerToken);
    expect(submitted.data?.submitQuizAttempt).toMatchObject({ __typename: 'QuizResult' });
    expect(leaks(submitted.data)).toEqual([]);
    expect(await probe(() => true)).toEqual({});
  });

  it('gives learners options with an id and a text only', async () => {
    const option = await graphql(t.app, '{ __type(name: "AttemptOption") { fields { name } } }', {}, learnerToken);
    expect(option.data!.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['id', 'text']);
    const refused = await graphql(
      t.app,
      'query ($c: ID!) { course(id: $c) { currentVersion { questions { options { correct } } } } }',
      { c: String(course.course.id) },
      learnerToken,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
