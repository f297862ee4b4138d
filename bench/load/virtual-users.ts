import type { DataSource } from 'typeorm';

/** One request as the load run saw it. */
export interface Sample {
  operation: string;
  status: number;
  /** The first GraphQL error code, when the answer carried errors. */
  code?: string;
  ms: number;
}

export class Recorder {
  readonly samples: Sample[] = [];

  async graphql<T>(
    url: string,
    operation: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T | undefined> {
    const started = performance.now();
    let status = 0;
    let code: string | undefined;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      status = response.status;
      const body = (await response.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
      code = body.errors?.[0]?.extensions?.code;
      return body.errors ? undefined : body.data;
    } catch {
      return undefined;
    } finally {
      this.samples.push({ operation, status, code, ms: performance.now() - started });
    }
  }
}

const LOGIN = 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const MY_ASSIGNMENTS = '{ myAssignments { id status dueAt progressPercent course { id title } } }';
const READ_LESSONS = '{ myAssignments { id courseVersion { lessons { id title body mediaUrl } } } }';
const START = `mutation Start($a: ID!) { startQuizAttempt(assignmentId: $a) { id questions { id options { id } } } }`;
const SUBMIT = `mutation Submit($id: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $id, answers: $answers) { passed scorePercent }
}`;
const STORE_COMPLIANCE = `query Store($s: ID!) {
  storeCompliance(storeId: $s) { headcount certified missing expiringSoon compliancePercent }
}`;
const EMPLOYEES = '{ employees(first: 20) { totalCount edges { node { id lastName jobRole { name } } } } }';
const ASSIGN = `mutation Assign($c: ID!, $due: DateTime!, $people: [ID!]) {
  assignCourse(input: { courseId: $c, dueAt: $due, employeeIds: $people }) { created }
}`;

export interface Learner {
  email: string;
  /** An assignment whose quiz it may start, with the attempts left. */
  quiz?: { assignmentId: number; attemptsLeft: number };
}

export interface Manager {
  email: string;
  storeId: number;
}

export interface FlowSettings {
  url: string;
  password: string;
  thinkMs: number;
  until: number;
  courseIds: number[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms * (0.5 + Math.random())));

async function signIn(recorder: Recorder, settings: FlowSettings, email: string): Promise<string | undefined> {
  const data = await recorder.graphql<{ login: { accessToken: string } }>(settings.url, 'login', LOGIN, {
    e: email,
    p: settings.password,
  });
  return data?.login.accessToken;
}

/** Signs in, then until the end: dashboard, lessons, and a quiz attempt while attempts last. */
export async function learnerFlow(recorder: Recorder, settings: FlowSettings, learner: Learner): Promise<void> {
  const token = await signIn(recorder, settings, learner.email);
  if (!token) return;
  while (Date.now() < settings.until) {
    await recorder.graphql(settings.url, 'myAssignments', MY_ASSIGNMENTS, {}, token);
    await pause(settings.thinkMs);
    await recorder.graphql(settings.url, 'readLessons', READ_LESSONS, {}, token);
    await pause(settings.thinkMs);
    if (learner.quiz && learner.quiz.attemptsLeft > 0) {
      learner.quiz.attemptsLeft -= 1;
      const started = await recorder.graphql<{
        startQuizAttempt: { id: string; questions: { id: string; options: { id: string }[] }[] };
      }>(settings.url, 'startQuizAttempt', START, { a: String(learner.quiz.assignmentId) }, token);
      await pause(settings.thinkMs);
      if (started) {
        const attempt = started.startQuizAttempt;
        const answers = attempt.questions.map((q) => ({ questionId: q.id, optionIds: [q.options[0].id] }));
        const graded = await recorder.graphql<{ submitQuizAttempt: { passed: boolean } }>(
          settings.url,
          'submitQuizAttempt',
          SUBMIT,
          { id: attempt.id, answers },
          token,
        );
        if (graded?.submitQuizAttempt.passed) learner.quiz.attemptsLeft = 0;
      }
    }
    await pause(settings.thinkMs);
  }
}

/** Signs in, then until the end: the store's compliance, the staff list, and a refresher for one of them. */
export async function managerFlow(recorder: Recorder, settings: FlowSettings, manager: Manager): Promise<void> {
  const token = await signIn(recorder, settings, manager.email);
  if (!token) return;
  while (Date.now() < settings.until) {
    await recorder.graphql(settings.url, 'storeCompliance', STORE_COMPLIANCE, { s: String(manager.storeId) }, token);
    await pause(settings.thinkMs);
    const staff = await recorder.graphql<{ employees: { edges: { node: { id: string } }[] } }>(
      settings.url,
      'employees',
      EMPLOYEES,
      {},
      token,
    );
    await pause(settings.thinkMs);
    const people = staff?.employees.edges.map((e) => e.node.id) ?? [];
    if (people.length > 0) {
      // Due in a week less an hour: its 7-days-before reminder is due at once.
      const due = new Date(Date.now() + 7 * 86_400_000 - 3_600_000).toISOString();
      await recorder.graphql(
        settings.url,
        'assignCourse',
        ASSIGN,
        {
          c: String(settings.courseIds[Math.floor(Math.random() * settings.courseIds.length)]),
          due,
          people: [people[Math.floor(Math.random() * people.length)]],
        },
        token,
      );
    }
    await pause(settings.thinkMs);
  }
}

/** Learners with something on their dashboard (and a quiz ready where there is one) and store managers. */
export async function castUsers(
  dataSource: DataSource,
  users: number,
): Promise<{ learners: Learner[]; managers: Manager[] }> {
  const managerCount = Math.max(1, Math.round(users / 5));
  const managers = (await dataSource.query(
    `SELECT email, store_id AS storeId FROM employees
      WHERE role = 'STORE_MANAGER' AND active = 1 AND email IS NOT NULL ORDER BY RAND() LIMIT ?`,
    [managerCount],
  )) as Manager[];
  const learnerCount = users - managers.length;
  const ready = (await dataSource.query(
    `SELECT e.email, a.id AS assignmentId,
            v.quiz_max_attempts - (SELECT COUNT(*) FROM quiz_attempts q WHERE q.assignment_id = a.id) AS attemptsLeft
       FROM assignments a
       JOIN employees e ON e.id = a.employee_id AND e.active = 1 AND e.role = 'EMPLOYEE' AND e.email IS NOT NULL
       JOIN course_versions v ON v.id = a.course_version_id
      WHERE a.status = 'IN_PROGRESS'
        AND (SELECT COUNT(*) FROM lesson_progress p WHERE p.assignment_id = a.id)
          = (SELECT COUNT(*) FROM lessons l WHERE l.course_version_id = v.id)
        AND NOT EXISTS (SELECT 1 FROM quiz_attempts q WHERE q.assignment_id = a.id AND q.submitted_at IS NULL)
      HAVING attemptsLeft > 0
      ORDER BY RAND() LIMIT ?`,
    [learnerCount * 3],
  )) as { email: string; assignmentId: number; attemptsLeft: string | number }[];
  const learners = new Map<string, Learner>();
  for (const row of ready) {
    if (learners.size >= learnerCount) break;
    if (!learners.has(row.email)) {
      learners.set(row.email, {
        email: row.email,
        quiz: { assignmentId: row.assignmentId, attemptsLeft: Number(row.attemptsLeft) },
      });
    }
  }
  if (learners.size < learnerCount) {
    const others = (await dataSource.query(
      `SELECT e.email FROM employees e
        WHERE e.active = 1 AND e.role = 'EMPLOYEE' AND e.email IS NOT NULL
          AND EXISTS (SELECT 1 FROM assignments a WHERE a.employee_id = e.id)
        ORDER BY RAND() LIMIT ?`,
      [learnerCount * 2],
    )) as { email: string }[];
    for (const { email } of others) {
      if (learners.size >= learnerCount) break;
      if (!learners.has(email)) learners.set(email, { email });
    }
  }
  return { learners: [...learners.values()], managers };
}
