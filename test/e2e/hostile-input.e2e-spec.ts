import request from 'supertest';
import { EMPLOYEE_CSV_COLUMNS } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  type BuiltCourse,
  buildOrgChart,
  buildProgram,
  createTestApp,
  graphql,
  type OrgChart,
  type TestApp,
} from '@lp/testing';

/**
 * What a hostile or clumsy client sends, argument by argument: empty, blank and 10k-long
 * strings, control characters, lone surrogates, emoji, ids that are not ids or are too
 * large, unknown ids, out-of-range numbers, impossible dates, repeated and oversized lists,
 * unknown enum values, malformed cursors, odd CSV files and query strings. Each gets a
 * client error code (or, where marked OK, a normal answer), never a 5xx, and a refusal
 * leaves every table as it was, contents included. Complements input-fuzzing (random input)
 * and the per-module bad-input specs with the named edge cases.
 */
type Who = 'anon' | 'employee' | 'colleague' | 'hr' | 'admin';
interface Case {
  name: string;
  who: Who;
  query: string;
  variables: () => Record<string, unknown>;
  code: string;
}

const BAD = 'BAD_USER_INPUT';
const MISSING = 'NOT_FOUND';
const LONG = 'x'.repeat(10_000);
const HUGE_ID = '99999999999999999999';
const cursor = (text: string) => Buffer.from(text).toString('base64url');
const HEADER = EMPLOYEE_CSV_COLUMNS.join(',');

let t: TestApp;
let chart: OrgChart;
let course: BuiltCourse;
let draftCourseId: string;
let draftLessonId: string;
let programId: string;
let assignmentId: string;
let certificationId: string;
let tokens: Record<Who, string | undefined>;

const Q = {
  login: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
  acceptInvite: 'mutation ($t: String!, $p: String!) { acceptInvite(token: $t, password: $p) { accessToken } }',
  createRegion: 'mutation ($input: CreateRegionInput!) { createRegion(input: $input) { id } }',
  createStore: 'mutation ($input: CreateStoreInput!) { createStore(input: $input) { id } }',
  updateRegion: 'mutation ($id: ID!, $input: UpdateRegionInput!) { updateRegion(id: $id, input: $input) { id } }',
  updateStore: 'mutation ($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { id } }',
  createJobRole: 'mutation ($input: CreateJobRoleInput!) { createJobRole(input: $input) { code } }',
  createEmployee: 'mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
  updateEmployee: 'mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }',
  deactivateEmployee: 'mutation ($id: ID!) { deactivateEmployee(id: $id) { id } }',
  resendInvite: 'mutation ($id: ID!) { resendInvite(employeeId: $id) { sentTo } }',
  employees:
    'query ($f: EmployeeFilterInput, $first: Int, $after: String) { employees(filter: $f, first: $first, after: $after) { totalCount } }',
  employee: 'query ($id: ID!) { employee(id: $id) { id } }',
  stores:
    'query ($s: String, $r: ID, $first: Int, $after: String) { stores(search: $s, regionId: $r, first: $first, after: $after) { totalCount } }',
  store: 'query ($id: ID!) { store(id: $id) { id } }',
  importEmployees: 'mutation ($csv: String!) { importEmployees(csv: $csv) { created updated errorCount } }',
  createCourse: 'mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
  updateCourse: 'mutation ($c: ID!, $input: UpdateCourseInput!) { updateCourse(courseId: $c, input: $input) { id } }',
  addLesson: 'mutation ($c: ID!, $input: LessonInput!) { addLesson(courseId: $c, input: $input) { id } }',
  updateLesson: 'mutation ($l: ID!, $input: UpdateLessonInput!) { updateLesson(lessonId: $l, input: $input) { id } }',
  removeLesson: 'mutation ($l: ID!) { removeLesson(lessonId: $l) { id } }',
  updateQuestion:
    'mutation ($q: ID!, $input: UpdateQuestionInput!) { updateQuestion(questionId: $q, input: $input) { id } }',
  removeQuestion: 'mutation ($q: ID!) { removeQuestion(questionId: $q) { id } }',
  reorderLessons: 'mutation ($c: ID!, $ids: [ID!]!) { reorderLessons(courseId: $c, lessonIds: $ids) { id } }',
  addQuestion: 'mutation ($c: ID!, $input: QuestionInput!) { addQuestion(courseId: $c, input: $input) { id } }',
  configureQuiz:
    'mutation ($c: ID!, $input: QuizInput!) { configureQuiz(courseId: $c, input: $input) { passingScorePercent } }',
  publishCourse: 'mutation ($c: ID!) { publishCourse(courseId: $c) { id } }',
  createCourseDraft: 'mutation ($c: ID!) { createCourseDraft(courseId: $c) { id } }',
  courses:
    'query ($f: CourseFilterInput, $first: Int, $after: String) { courses(filter: $f, first: $first, after: $after) { totalCount } }',
  course: 'query ($id: ID!) { course(id: $id) { id } }',
  completeLesson: 'mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { id } }',
  startQuizAttempt: 'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id } }',
  submitQuizAttempt:
    'mutation ($a: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $a, answers: $answers) { passed } }',
  quizAttemptResult: 'query ($a: ID!) { quizAttemptResult(attemptId: $a) { passed } }',
  myAssignments: 'query ($s: AssignmentStatus) { myAssignments(status: $s) { id } }',
  assignCourse: 'mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }',
  cancelAssignment: 'mutation ($id: ID!) { cancelAssignment(id: $id) { id } }',
  changeAssignmentDueDate: 'mutation ($id: ID!, $d: DateTime!) { changeAssignmentDueDate(id: $id, dueAt: $d) { id } }',
  assignments:
    'query ($f: AssignmentFilterInput, $first: Int, $after: String) { assignments(filter: $f, first: $first, after: $after) { totalCount } }',
  createProgram:
    'mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }',
  updateProgram:
    'mutation ($id: ID!, $input: UpdateCertificationProgramInput!) { updateCertificationProgram(id: $id, input: $input) { id } }',
  grant:
    'mutation ($e: ID!, $p: ID!, $at: DateTime) { grantCertification(employeeId: $e, programId: $p, issuedAt: $at) { id } }',
  revoke: 'mutation ($id: ID!, $r: String!) { revokeCertification(id: $id, reason: $r) { id } }',
  verify: 'query ($c: String!) { verifyCertificate(code: $c) { valid } }',
  certifications:
    'query ($f: CertificationFilterInput, $first: Int, $after: String) { certifications(filter: $f, first: $first, after: $after) { totalCount } }',
  storeCompliance: 'query ($s: ID!) { storeCompliance(storeId: $s) { headcount } }',
  complianceByStore:
    'query ($r: ID, $p: ID, $first: Int, $after: String) { complianceByStore(regionId: $r, programId: $p, first: $first, after: $after) { totalCount } }',
  storeTrend:
    'query ($s: ID!, $p: ID!, $from: String!, $to: String!) { storeComplianceTrend(storeId: $s, programId: $p, from: $from, to: $to) { day } }',
  regionTrend:
    'query ($r: ID!, $p: ID!, $from: String!, $to: String!) { regionComplianceTrend(regionId: $r, programId: $p, from: $from, to: $to) { day } }',
  auditEvents:
    'query ($f: AuditEventFilterInput, $first: Int, $after: String) { auditEvents(filter: $f, first: $first, after: $after) { totalCount } }',
  notifications:
    'query ($f: NotificationFilterInput, $first: Int, $after: String) { notifications(filter: $f, first: $first, after: $after) { totalCount } }',
};

/** The cases of one operation, sent by one person: [what is sent, the expected code or OK, the variables]. */
const on = (query: string, who: Who, rows: [string, string, () => Record<string, unknown>][]): Case[] =>
  rows.map(([name, code, variables]) => ({
    name: `${/\{\s*(\w+)/.exec(query)![1]} ${name}`,
    who,
    query,
    variables,
    code,
  }));

type Overrides = Record<string, unknown> | (() => Record<string, unknown>);
const given = (overrides: Overrides) => (typeof overrides === 'function' ? overrides() : overrides);

const hire = (overrides: Overrides) => () => ({
  input: {
    employeeNumber: 'H-1',
    firstName: 'Hostile',
    lastName: 'Input',
    jobRoleCode: 'CASHIER',
    storeId: String(chart.stores.n1.id),
    ...given(overrides),
  },
});
const newCourse = (overrides: Overrides) => () => ({
  input: { code: 'HOSTILE-1', title: 'T', summary: 'S', category: 'BASICS', estimatedMinutes: 10, ...given(overrides) },
});
const program = (overrides: Overrides) => () => ({
  input: {
    code: 'HOST',
    name: 'Hostile',
    courseIds: [String(course.course.id)],
    validityMonths: 12,
    recertifyWindowDays: 30,
    ...given(overrides),
  },
});
const assign = (overrides: Overrides) => () => ({
  input: { courseId: String(course.course.id), dueAt: '2030-01-01T00:00:00Z', ...given(overrides) },
});
const question = (overrides: Overrides) => () => ({
  c: draftCourseId,
  input: {
    type: 'SINGLE_CHOICE',
    prompt: 'P',
    explanation: 'E',
    options: [
      { text: 'a', correct: true },
      { text: 'b', correct: false },
    ],
    ...given(overrides),
  },
});
const trend = (from: string, to: string) => () => ({
  s: String(chart.stores.n1.id),
  p: programId,
  from,
  to,
});

const cases: Case[] = [
  ...on(Q.login, 'anon', [
    ['with an empty email', BAD, () => ({ e: '', p: 'x' })],
    ['with a 10k email', BAD, () => ({ e: LONG, p: 'x' })],
    ['with a 10k password', BAD, () => ({ e: chart.people.hr.email, p: LONG })],
    ['with control characters', 'UNAUTHENTICATED', () => ({ e: 'a\u0000@b.c', p: '\u0000' })],
    ['with a lone surrogate', BAD, () => ({ e: 'a@b.test', p: '\udfff' })],
  ]),
  ...on(Q.acceptInvite, 'anon', [
    ['with an empty token', BAD, () => ({ t: '', p: 'long-enough-1' })],
    ['with a 10k token', BAD, () => ({ t: LONG, p: 'long-enough-1' })],
    ['with an emoji token', BAD, () => ({ t: '🙂🙂', p: 'long-enough-1' })],
    ['with a 10k password', BAD, () => ({ t: 'abc', p: LONG })],
  ]),
  ...on(Q.createRegion, 'hr', [
    ['with a blank code', BAD, () => ({ input: { code: '  ', name: 'N' } })],
    ['with a 10k name', BAD, () => ({ input: { code: 'HX', name: LONG } })],
    ['with an emoji code', BAD, () => ({ input: { code: '🙂', name: 'N' } })],
    ['with a NUL in the name', BAD, () => ({ input: { code: 'HX', name: 'a\u0000b' } })],
    ['with a lone surrogate in the name', BAD, () => ({ input: { code: 'HX', name: 'a\ud800b' } })],
  ]),
  ...on(Q.createStore, 'hr', [
    [
      'in an unknown region',
      MISSING,
      () => ({
        input: { code: 'HX1', name: 'N', regionId: String(chart.stores.s1.id + 1000), timezone: 'Europe/London' },
      }),
    ],
    [
      'with a huge region id',
      BAD,
      () => ({ input: { code: 'HX1', name: 'N', regionId: HUGE_ID, timezone: 'Europe/London' } }),
    ],
    [
      'with a made-up timezone',
      BAD,
      () => ({ input: { code: 'HX1', name: 'N', regionId: String(chart.regions.north.id), timezone: 'Mars/Olympus' } }),
    ],
    [
      'with a 10k timezone',
      BAD,
      () => ({ input: { code: 'HX1', name: 'N', regionId: String(chart.regions.north.id), timezone: LONG } }),
    ],
    [
      'with a line break in the name',
      BAD,
      () => ({
        input: {
          code: 'HX1',
          name: 'Main\nStreet',
          regionId: String(chart.regions.north.id),
          timezone: 'Europe/London',
        },
      }),
    ],
  ]),
  ...on(Q.updateRegion, 'hr', [
    ['with a huge id', BAD, () => ({ id: HUGE_ID, input: { name: 'N' } })],
    ['with a 10k name', BAD, () => ({ id: String(chart.regions.north.id), input: { name: LONG } })],
    ['with a null code', BAD, () => ({ id: String(chart.regions.north.id), input: { code: null } })],
    [
      'with a lone surrogate in the name',
      BAD,
      () => ({ id: String(chart.regions.north.id), input: { name: '\udfff' } }),
    ],
  ]),
  ...on(Q.updateStore, 'hr', [
    ['with a huge id', BAD, () => ({ id: HUGE_ID, input: { name: 'N' } })],
    ['with a huge region id', BAD, () => ({ id: String(chart.stores.n1.id), input: { regionId: HUGE_ID } })],
    ['with a 10k timezone', BAD, () => ({ id: String(chart.stores.n1.id), input: { timezone: LONG } })],
    ['with a null timezone', BAD, () => ({ id: String(chart.stores.n1.id), input: { timezone: null } })],
    ['with a tab in the name', BAD, () => ({ id: String(chart.stores.n1.id), input: { name: 'Main\tStreet' } })],
    ['with an emoji code', BAD, () => ({ id: String(chart.stores.n1.id), input: { code: '🙂' } })],
  ]),
  ...on(Q.createJobRole, 'hr', [
    ['with a lower-case code', BAD, () => ({ input: { code: 'nope', name: 'N' } })],
    ['with a 10k name', BAD, () => ({ input: { code: 'HX', name: LONG } })],
    ['with a tab in the name', BAD, () => ({ input: { code: 'HX', name: 'Night\tshift' } })],
  ]),
  ...on(Q.createEmployee, 'hr', [
    ['with a control character in a name', BAD, hire({ firstName: 'Bad\u0007Bell' })],
    ['with a newline in the email', BAD, hire({ email: 'a@b.test\nBcc: c@d.test' })],
    ['hired in year 1', BAD, hire({ hireDate: '0001-01-01' })],
    ['hired on month 13', BAD, hire({ hireDate: '2026-13-01' })],
    ['with an unknown role', BAD, hire({ role: 'KING' })],
    [
      'managing 10,000 stores',
      BAD,
      hire({ role: 'STORE_MANAGER', managedStoreIds: Array.from({ length: 10_000 }, (_, i) => String(i + 1)) }),
    ],
    ['with a huge store id', BAD, hire({ storeId: HUGE_ID })],
    ['with a zero store id', BAD, hire({ storeId: '0' })],
    ['with a negative store id', BAD, hire({ storeId: '-1' })],
    ['with the job role in lower case', 'OK', hire({ employeeNumber: 'H-6', jobRoleCode: 'cashier' })],
    ['with a unicode email', 'OK', hire({ employeeNumber: 'H-3', email: 'jürgen@exämple.test' })],
    [
      'managing a store twice',
      'OK',
      hire(() => ({
        employeeNumber: 'H-4',
        role: 'STORE_MANAGER',
        managedStoreIds: [String(chart.stores.n1.id), String(chart.stores.n1.id)],
      })),
    ],
  ]),
  ...on(Q.updateEmployee, 'hr', [
    ['of an unknown id', MISSING, () => ({ id: '4000000000', input: { firstName: 'X' } })],
    ['with a blank first name', BAD, () => ({ id: String(chart.people.employee.id), input: { firstName: ' ' } })],
    ['with a null first name', BAD, () => ({ id: String(chart.people.employee.id), input: { firstName: null } })],
    ['with a 10k last name', BAD, () => ({ id: String(chart.people.employee.id), input: { lastName: LONG } })],
    ['with an id that is not a number', BAD, () => ({ id: 'abc', input: { firstName: 'X' } })],
    [
      'with a NUL in the last name',
      BAD,
      () => ({ id: String(chart.people.employee.id), input: { lastName: 'Smith\u0000' } }),
    ],
    [
      'with a lone surrogate in the first name',
      BAD,
      () => ({ id: String(chart.people.employee.id), input: { firstName: '\udc00' } }),
    ],
    [
      'managing a store twice',
      'OK',
      () => ({
        id: String(chart.people.manager.id),
        input: { managedStoreIds: [String(chart.stores.n1.id), String(chart.stores.n1.id)] },
      }),
    ],
  ]),
  ...on(Q.deactivateEmployee, 'hr', [['deactivateEmployee with a huge id', BAD, () => ({ id: HUGE_ID })]]),
  ...on(Q.resendInvite, 'hr', [['resendInvite with id 0', BAD, () => ({ id: '0' })]]),
  ...on(Q.employee, 'hr', [['employee with a fractional id', BAD, () => ({ id: '1.5' })]]),
  ...on(Q.employees, 'hr', [
    ['first 0', BAD, () => ({ first: 0 })],
    ['first -1', BAD, () => ({ first: -1 })],
    ['first 100000', BAD, () => ({ first: 100_000 })],
    ['after garbage', BAD, () => ({ after: 'garbage!' })],
    ['after a 10k cursor', BAD, () => ({ after: LONG })],
    ['after a huge id cursor', BAD, () => ({ after: cursor(`id:${HUGE_ID}`) })],
    ['after a negative id cursor', BAD, () => ({ after: cursor('id:-5') })],
    ['search of 10k', BAD, () => ({ f: { search: LONG } })],
    ['with an unknown store id filter', BAD, () => ({ f: { storeId: 'abc' } })],
    ['search %', 'OK', () => ({ f: { search: '%' } })],
    ['search emoji', 'OK', () => ({ f: { search: '🙂' } })],
    ['search of a lone surrogate', BAD, () => ({ f: { search: '\ud800' } })],
    ['after an empty cursor', BAD, () => ({ after: '' })],
  ]),
  ...on(Q.stores, 'hr', [
    ['first 100000', BAD, () => ({ first: 100_000 })],
    ['search of 10k', BAD, () => ({ s: LONG })],
  ]),
  ...on(Q.store, 'hr', [['store with a huge id', BAD, () => ({ id: HUGE_ID })]]),
  ...on(Q.createCourse, 'admin', [
    ['with 0 minutes', BAD, newCourse({ estimatedMinutes: 0 })],
    ['with -1 minutes', BAD, newCourse({ estimatedMinutes: -1 })],
    ['with 2^31-1 minutes', BAD, newCourse({ estimatedMinutes: 2147483647 })],
    ['with 2^31 minutes', BAD, newCourse({ estimatedMinutes: 2147483648 })],
    ['with fractional minutes', BAD, newCourse({ estimatedMinutes: 1.5 })],
    ['with an emoji code', BAD, newCourse({ code: '🙂' })],
    ['with a 10k title', BAD, newCourse({ title: LONG })],
    ['with a blank summary', BAD, newCourse({ summary: '\t\n ' })],
    ['with a taken code', 'CONFLICT', newCourse(() => ({ code: course.course.code }))],
    ['with a line break in the title', BAD, newCourse({ title: 'Two\nlines' })],
    ['with an escape in the category', BAD, newCourse({ category: 'BASICS\u001b[31m' })],
  ]),
  ...on(Q.updateCourse, 'admin', [
    ['of an unknown course', MISSING, () => ({ c: '4000000000', input: { title: 'X' } })],
    ['with a null title', BAD, () => ({ c: draftCourseId, input: { title: null } })],
    ['with an emoji title', 'OK', () => ({ c: draftCourseId, input: { title: '🙂 Safety' } })],
  ]),
  ...on(Q.addLesson, 'admin', [
    [
      'with a javascript: media url',
      BAD,
      () => ({ c: draftCourseId, input: { title: 'T', body: 'B', mediaUrl: 'javascript:alert(1)' } }),
    ],
    [
      'with a 10k media url',
      BAD,
      () => ({ c: draftCourseId, input: { title: 'T', body: 'B', mediaUrl: `https://x.test/${LONG}` } }),
    ],
    ['with a 50001-character body', BAD, () => ({ c: draftCourseId, input: { title: 'T', body: 'b'.repeat(50_001) } })],
    ['with a blank title', BAD, () => ({ c: draftCourseId, input: { title: ' ', body: 'B' } })],
    ['with a line break in the title', BAD, () => ({ c: draftCourseId, input: { title: 'A\rB', body: 'B' } })],
    ['with a lone surrogate in the body', BAD, () => ({ c: draftCourseId, input: { title: 'T', body: '# \ud83d' } })],
    ['with a blank body', BAD, () => ({ c: draftCourseId, input: { title: 'T', body: ' \n\t ' } })],
    [
      'with a data: media url',
      BAD,
      () => ({
        c: draftCourseId,
        input: { title: 'T', body: 'B', mediaUrl: 'data:text/html,<script>alert(1)</script>' },
      }),
    ],
    ['with an empty media url', BAD, () => ({ c: draftCourseId, input: { title: 'T', body: 'B', mediaUrl: '' } })],
  ]),
  ...on(Q.removeLesson, 'admin', [['removeLesson with a huge id', BAD, () => ({ l: HUGE_ID })]]),
  ...on(Q.reorderLessons, 'admin', [
    ['with an empty list', BAD, () => ({ c: draftCourseId, ids: [] })],
    ['with a duplicate', BAD, () => ({ c: draftCourseId, ids: [draftLessonId, draftLessonId] })],
    [
      'with 10,000 ids',
      BAD,
      () => ({ c: draftCourseId, ids: Array.from({ length: 10_000 }, (_, i) => String(i + 1)) }),
    ],
    ['with a lesson of another course', BAD, () => ({ c: draftCourseId, ids: [String(course.lessons[0].id)] })],
  ]),
  ...on(Q.addQuestion, 'admin', [
    [
      'with 10,000 options',
      BAD,
      question({ options: Array.from({ length: 10_000 }, (_, i) => ({ text: `o${i}`, correct: i === 0 })) }),
    ],
    ['with an unknown type', BAD, question({ type: 'ESSAY' })],
    ['with a blank option', BAD, question({ options: [{ text: ' ', correct: true }] })],
    ['with a NUL in an option', BAD, question({ options: [{ text: 'a\u0000', correct: true }] })],
  ]),
  ...on(Q.configureQuiz, 'admin', [
    ['passing score 0', BAD, () => ({ c: draftCourseId, input: { passingScorePercent: 0 } })],
    ['passing score 101', BAD, () => ({ c: draftCourseId, input: { passingScorePercent: 101 } })],
    ['0 attempts', BAD, () => ({ c: draftCourseId, input: { maxAttempts: 0 } })],
    ['a huge time limit', BAD, () => ({ c: draftCourseId, input: { timeLimitMinutes: 2147483647 } })],
    ['0 questions per attempt', BAD, () => ({ c: draftCourseId, input: { questionsPerAttempt: 0 } })],
    ['null passing score', BAD, () => ({ c: draftCourseId, input: { passingScorePercent: null } })],
    [
      'more questions per attempt than 2^31-1',
      BAD,
      () => ({ c: draftCourseId, input: { questionsPerAttempt: 2147483647 } }),
    ],
    ['-1 minutes', BAD, () => ({ c: draftCourseId, input: { timeLimitMinutes: -1 } })],
    ['null shuffle', BAD, () => ({ c: draftCourseId, input: { shuffle: null } })],
  ]),
  ...on(Q.publishCourse, 'admin', [['publishCourse of a draft with nothing in it', BAD, () => ({ c: draftCourseId })]]),
  ...on(Q.createCourseDraft, 'admin', [['createCourseDraft of a huge id', BAD, () => ({ c: HUGE_ID })]]),
  ...on(Q.courses, 'employee', [
    ['first 0', BAD, () => ({ first: 0 })],
    ['search 10k', BAD, () => ({ f: { search: LONG } })],
  ]),
  ...on(Q.course, 'employee', [['course with an id that is not a number', BAD, () => ({ id: 'C-1' })]]),
  ...on(Q.completeLesson, 'employee', [
    ['of a lesson of another course', BAD, () => ({ a: assignmentId, l: draftLessonId })],
  ]),
  ...on(Q.completeLesson, 'colleague', [
    ['of someone else’s assignment', MISSING, () => ({ a: assignmentId, l: String(course.lessons[0].id) })],
  ]),
  ...on(Q.startQuizAttempt, 'employee', [['startQuizAttempt with a huge id', BAD, () => ({ a: HUGE_ID })]]),
  ...on(Q.submitQuizAttempt, 'employee', [
    [
      'with 10,000 answers',
      BAD,
      () => ({
        a: '1',
        answers: Array.from({ length: 10_000 }, (_, i) => ({ questionId: String(i + 1), optionIds: ['1'] })),
      }),
    ],
    ['of an unknown attempt', MISSING, () => ({ a: '4000000000', answers: [] })],
  ]),
  ...on(Q.quizAttemptResult, 'employee', [['of an unknown attempt', MISSING, () => ({ a: '4000000000' })]]),
  ...on(Q.myAssignments, 'employee', [['myAssignments with an unknown status', BAD, () => ({ s: 'LOST' })]]),
  ...on(Q.assignCourse, 'hr', [
    ['to nobody', BAD, assign({})],
    ['to an empty list', BAD, assign({ employeeIds: [] })],
    ['to 10,000 people', BAD, assign({ employeeIds: Array.from({ length: 10_000 }, (_, i) => String(i + 1)) })],
    [
      'due in the year 1000',
      BAD,
      assign(() => ({ employeeIds: [String(chart.people.employee.id)], dueAt: '1000-01-01T00:00:00Z' })),
    ],
    ['to an unknown job role', BAD, assign({ jobRoleCodes: ['ASTRONAUT'] })],
    ['to an empty job-role list', BAD, assign({ jobRoleCodes: [] })],
    [
      'of a never-published course',
      BAD,
      () => ({
        input: {
          courseId: draftCourseId,
          dueAt: '2030-01-01T00:00:00Z',
          employeeIds: [String(chart.people.employee.id)],
        },
      }),
    ],
    ['to an unknown person', MISSING, assign({ employeeIds: ['4000000000'] })],
    [
      'to a job role twice, in two cases',
      'OK',
      assign(() => ({ storeId: String(chart.stores.s1.id), jobRoleCodes: ['CASHIER', 'cashier'] })),
    ],
    [
      'to a person twice',
      'OK',
      assign(() => ({ employeeIds: [String(chart.people.colleague.id), String(chart.people.colleague.id)] })),
    ],
    [
      'to a job role twice',
      'OK',
      assign(() => ({ storeId: String(chart.stores.s1.id), jobRoleCodes: ['CASHIER', 'CASHIER'] })),
    ],
    ['of an unknown store', MISSING, assign({ storeId: '4000000000' })],
  ]),
  ...on(Q.cancelAssignment, 'hr', [
    ['with a huge id', BAD, () => ({ id: HUGE_ID })],
    ['of an unknown id', MISSING, () => ({ id: '4000000000' })],
  ]),
  ...on(Q.changeAssignmentDueDate, 'hr', [
    ['with a huge id', BAD, () => ({ id: HUGE_ID, d: '2099-01-01T00:00:00Z' })],
    ['of an unknown id', MISSING, () => ({ id: '4000000000', d: '2099-01-01T00:00:00Z' })],
    ['to the year 1000', BAD, () => ({ id: assignmentId, d: '1000-01-01T00:00:00Z' })],
    ['to 30 February', BAD, () => ({ id: assignmentId, d: '2099-02-30T00:00:00Z' })],
    ['to an empty date', BAD, () => ({ id: assignmentId, d: '' })],
    ['to a day without a time', BAD, () => ({ id: assignmentId, d: '2099-01-01' })],
  ]),
  ...on(Q.changeAssignmentDueDate, 'employee', [
    ['of their own assignment', 'FORBIDDEN', () => ({ id: assignmentId, d: '2099-01-01T00:00:00Z' })],
  ]),
  ...on(Q.assignments, 'hr', [
    ['with an unknown status', BAD, () => ({ f: { status: 'LOST' } })],
    ['after garbage', BAD, () => ({ after: '%%%' })],
  ]),
  ...on(Q.createProgram, 'hr', [
    ['with no courses', BAD, program({ courseIds: [] })],
    ['with an unknown course', BAD, program({ courseIds: ['4000000000'] })],
    ['with 0 months', BAD, program({ validityMonths: 0 })],
    ['with a negative window', BAD, program({ recertifyWindowDays: -1 })],
    ['with 30 February', BAD, program({ renewalBasis: 'FIXED_DATE', fixedExpiryDate: '02-30' })],
    ['FIXED_DATE without a date', BAD, program({ renewalBasis: 'FIXED_DATE' })],
    ['with a 0-day reminder', BAD, program({ reminderOffsetsDays: [0] })],
    ['with an unknown job role', BAD, program({ requiredJobRoleCodes: ['ASTRONAUT'] })],
    ['with a 10k name', BAD, program({ name: LONG })],
    ['with a 10k description', BAD, program({ description: LONG })],
    [
      'with an audience in an unknown store',
      BAD,
      program({ audience: [{ jobRoleCode: 'CASHIER', storeId: '4000000000' }] }),
    ],
    ['with a line break in the name', BAD, program({ name: 'Loss\nPrevention' })],
    [
      'with a course twice',
      'OK',
      program(() => ({
        code: 'HDUP',
        name: 'Hostile courses',
        courseIds: [String(course.course.id), String(course.course.id)],
      })),
    ],
    ['with a reminder twice', 'OK', program({ code: 'HREM', name: 'Hostile reminders', reminderOffsetsDays: [7, 7] })],
    [
      'with a job role twice',
      'OK',
      program({ code: 'HJOB', name: 'Hostile job roles', requiredJobRoleCodes: ['CASHIER', 'cashier'] }),
    ],
    [
      'with an audience rule twice',
      'OK',
      program(() => ({
        code: 'HAUD',
        name: 'Hostile audience',
        audience: [
          { jobRoleCode: 'CASHIER', storeId: String(chart.stores.n2.id) },
          { jobRoleCode: 'CASHIER', storeId: String(chart.stores.n2.id) },
        ],
      })),
    ],
    [
      'with 10,000 audience rules',
      BAD,
      program({ code: 'HBIG', audience: Array.from({ length: 10_000 }, () => ({ jobRoleCode: 'CASHIER' })) }),
    ],
    ['with the refresher an unknown course', BAD, program({ code: 'HREF', refresherCourseId: '4000000000' })],
    ['with a window longer than validity', BAD, program({ code: 'HWIN', validityMonths: 1, recertifyWindowDays: 365 })],
  ]),
  ...on(Q.updateProgram, 'hr', [
    ['with a huge id', BAD, () => ({ id: HUGE_ID, input: { name: 'N' } })],
    ['of an unknown programme', MISSING, () => ({ id: '4000000000', input: { name: 'N' } })],
    ['with a 10k name', BAD, () => ({ id: programId, input: { name: LONG } })],
    ['with a tab in the name', BAD, () => ({ id: programId, input: { name: 'LP\tBasics' } })],
    ['with a null validity', BAD, () => ({ id: programId, input: { validityMonths: null } })],
    ['with a reminder twice', 'OK', () => ({ id: programId, input: { reminderOffsetsDays: [7, 7] } })],
    ['removing a huge course id', BAD, () => ({ id: programId, input: { removeCourseIds: [HUGE_ID] } })],
    [
      'removing and adding one course',
      BAD,
      () => ({
        id: programId,
        input: { addCourseIds: [String(course.course.id)], removeCourseIds: [String(course.course.id)] },
      }),
    ],
    [
      'removing a course it does not require',
      'OK',
      () => ({ id: programId, input: { removeCourseIds: ['4000000000'] } }),
    ],
    ['with a huge refresher id', BAD, () => ({ id: programId, input: { refresherCourseId: HUGE_ID } })],
    [
      'with an audience in an unknown region',
      BAD,
      () => ({ id: programId, input: { audience: [{ jobRoleCode: 'CASHIER', regionId: '4000000000' }] } }),
    ],
  ]),
  ...on(Q.grant, 'hr', [
    ['to an unknown employee', MISSING, () => ({ e: '4000000000', p: programId })],
    ['of an unknown programme', MISSING, () => ({ e: String(chart.people.colleague.id), p: '4000000000' })],
    ['issued in 9999', BAD, () => ({ e: String(chart.people.colleague.id), p: programId, at: '9999-06-01T00:00:00Z' })],
  ]),
  ...on(Q.revoke, 'hr', [
    ['with a blank reason', BAD, () => ({ id: certificationId, r: '  ' })],
    ['with a 10k reason', BAD, () => ({ id: certificationId, r: LONG })],
    ['of an unknown id', MISSING, () => ({ id: '4000000000', r: 'why' })],
    ['with a NUL for a reason', BAD, () => ({ id: certificationId, r: '\u0000' })],
  ]),
  ...on(Q.verify, 'anon', [
    ['of a 10k code', BAD, () => ({ c: LONG })],
    ['of a lone surrogate', BAD, () => ({ c: '\ud800' })],
  ]),
  ...on(Q.certifications, 'hr', [
    ['expiring within -1 days', BAD, () => ({ f: { expiringWithinDays: -1 } })],
    ['expiring within 2^31-1 days', BAD, () => ({ f: { expiringWithinDays: 2147483647 } })],
    ['with an unknown status', BAD, () => ({ f: { status: 'LOST' } })],
    ['after a huge cursor', BAD, () => ({ after: cursor('id:9007199254740993') })],
  ]),
  ...on(Q.storeCompliance, 'hr', [
    ['of a huge id', BAD, () => ({ s: HUGE_ID })],
    ['of an unknown store', MISSING, () => ({ s: '4000000000' })],
  ]),
  ...on(Q.complianceByStore, 'hr', [
    ['first 100000', BAD, () => ({ first: 100_000 })],
    ['after garbage', BAD, () => ({ after: 'garbage' })],
    ['after a 10k cursor', BAD, () => ({ after: LONG })],
    ['in an unknown region', MISSING, () => ({ r: '4000000000' })],
    ['after a cursor of another list', BAD, () => ({ after: cursor('id:1') })],
    ['after an empty cursor', BAD, () => ({ after: '' })],
  ]),
  ...on(Q.storeTrend, 'hr', [
    ['from 30 February', BAD, trend('2026-02-30', '2026-03-01')],
    ['backwards', BAD, trend('2026-03-01', '2026-02-01')],
    ['over 401 days', BAD, trend('2025-01-01', '2026-02-06')],
    ['with 10k dates', BAD, trend(LONG, LONG)],
    ['from 9999 to 10000', BAD, trend('9999-12-31', '10000-01-01')],
    ['with a date and time', BAD, trend('2026-01-01T00:00:00Z', '2026-01-02')],
  ]),
  ...on(Q.regionTrend, 'hr', [
    ['of an unknown region', MISSING, () => ({ r: '4000000000', p: programId, from: '2026-01-01', to: '2026-01-02' })],
  ]),
  ...on(Q.auditEvents, 'hr', [
    ['action 10k', BAD, () => ({ f: { action: LONG } })],
    ['subjectId 10k', BAD, () => ({ f: { subjectId: LONG } })],
    ['after garbage', BAD, () => ({ after: '!!' })],
    ['actor id huge', BAD, () => ({ f: { actorId: HUGE_ID } })],
    ['subjectType emoji', 'OK', () => ({ f: { subjectType: '🙂' } })],
  ]),
  ...on(Q.notifications, 'hr', [
    ['first -1', BAD, () => ({ first: -1 })],
    ['kind 10k', BAD, () => ({ f: { kind: LONG } })],
    ['status unknown', BAD, () => ({ f: { status: 'LOST' } })],
  ]),
  ...on(Q.importEmployees, 'hr', [
    ['of a lone surrogate', BAD, () => ({ csv: `${HEADER}\nX-1,\ud800,B,,CASHIER,${chart.stores.n1.code},,` })],
  ]),
  ...on(Q.updateQuestion, 'admin', [
    ['of an unknown id', MISSING, () => ({ q: '4000000000', input: { prompt: 'P' } })],
    ['with a null prompt', BAD, () => ({ q: String(course.questions[0].id), input: { prompt: null } })],
    [
      'with no options (a draft may be incomplete)',
      'OK',
      () => ({ q: String(course.questions[0].id), input: { options: [] } }),
    ],
    [
      'with a NUL in an option',
      BAD,
      () => ({ q: String(course.questions[0].id), input: { options: [{ text: '\u0000', correct: true }] } }),
    ],
  ]),
  ...on(Q.removeQuestion, 'admin', [
    ['with an id that is not a number', BAD, () => ({ q: 'q1' })],
    ['of an unknown id', MISSING, () => ({ q: '4000000000' })],
  ]),
  ...on(Q.createRegion, 'hr', [
    [
      'with a taken code in lower case',
      'CONFLICT',
      () => ({ input: { code: chart.regions.north.code.toLowerCase(), name: 'N' } }),
    ],
  ]),
  ...on(Q.createJobRole, 'hr', [['with a taken code', 'CONFLICT', () => ({ input: { code: 'CASHIER', name: 'N' } })]]),
  ...on(Q.createStore, 'hr', [
    [
      'with a taken code in lower case',
      'CONFLICT',
      () => ({
        input: {
          code: chart.stores.n1.code.toLowerCase(),
          name: 'N',
          regionId: String(chart.regions.north.id),
          timezone: 'Europe/London',
        },
      }),
    ],
  ]),
  ...on(Q.updateEmployee, 'hr', [
    ['with an empty email', BAD, () => ({ id: String(chart.people.employee.id), input: { email: '' } })],
    [
      'with a taken email',
      'CONFLICT',
      () => ({ id: String(chart.people.employee.id), input: { email: chart.people.hr.email!.toUpperCase() } }),
    ],
    ['with a 1.5 store id', BAD, () => ({ id: String(chart.people.employee.id), input: { storeId: '1.5' } })],
  ]),
  ...on(Q.deactivateEmployee, 'hr', [['of yourself', BAD, () => ({ id: String(chart.people.hr.id) })]]),
  ...on(Q.employees, 'hr', [
    ['first 1.5', BAD, () => ({ first: 1.5 })],
    ['first 2^31', BAD, () => ({ first: 2 ** 31 })],
  ]),
  ...on(Q.courses, 'employee', [['after a cursor of 10k emoji', BAD, () => ({ after: '🙂'.repeat(10_000) })]]),
];

/** Every table but the sign-in lock-out counter (which a refused login is meant to write), rows and contents. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = (await t.dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN ('migrations', 'login_failures')",
  )) as { name: string }[];
  const rows = (await t.dataSource.query(`CHECKSUM TABLE ${tables.map((row) => `\`${row.name}\``).join(', ')}`)) as {
    Table: string;
    Checksum: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.Table, String(row.Checksum)]));
}

describe('hostile input: every argument has a defined answer', () => {
  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
    course = await buildCourse(t.dataSource, { lessons: 2 });
    const admin = t.tokenFor(chart.people.admin);
    const hr = t.tokenFor(chart.people.hr);
    const created = await graphql(t.app, Q.createCourse, newCourse({ code: 'DRAFT-1' })(), admin);
    draftCourseId = created.data!.createCourse.id;
    const lesson = await graphql(t.app, Q.addLesson, { c: draftCourseId, input: { title: 'L', body: 'B' } }, admin);
    draftLessonId = lesson.data!.addLesson.id;
    programId = String((await buildProgram(t.dataSource)).id);
    const assignment = await buildAssignment(t.dataSource, {
      employeeId: chart.people.employee.id,
      courseId: course.course.id,
    });
    assignmentId = String(assignment.id);
    const granted = await graphql(t.app, Q.grant, { e: String(chart.people.employee.id), p: programId }, hr);
    certificationId = granted.data!.grantCertification.id;
    tokens = {
      anon: undefined,
      employee: t.tokenFor(chart.people.employee),
      colleague: t.tokenFor(chart.people.colleague),
      hr,
      admin,
    };
  });
  afterAll(() => t.close());

  // One snapshot per case: what the last case left is what the next one starts from.
  let tables: Record<string, string>;
  it.each(cases.map((k) => [k.name, k] as const))('%s', async (_name, k) => {
    tables ??= await snapshot();
    const before = tables;
    const response = await graphql(t.app, k.query, k.variables(), tokens[k.who]);
    tables = await snapshot();
    if (k.code === 'OK') {
      expect(response.errors).toBeUndefined();
      return;
    }
    // 200 for a resolver's refusal; 400 for variables refused before anything runs.
    expect({ status: response.status < 500, code: response.errors?.[0]?.extensions?.code }).toEqual({
      status: true,
      code: k.code,
    });
    expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    expect(tables).toEqual(before);
  });

  describe('the employee CSV import', () => {
    const line = (number: string, rest = `,CASHIER,${'STORE'},,`) => `${number},Ann,Lee${rest}`;
    const storeLine = (number: string, email = '') => `${number},Ann,Lee,${email},CASHIER,${chart.stores.n1.code},,`;

    it.each<[string, () => string]>([
      ['an empty file', () => ''],
      ['a header missing columns', () => 'employee_number,first_name\nX-1,A'],
      ['a line missing columns', () => `${HEADER}\nX-1,Ann,Lee`],
      ['an unterminated quote', () => `${HEADER}\n"X-1,Ann,Lee,,CASHIER,${chart.stores.n1.code},,`],
      [
        'two lines with one email, in two cases',
        () => `${HEADER}\n${storeLine('X-1', 'a@b.test')}\n${storeLine('X-2', 'A@B.test')}`,
      ],
      ['two lines with one employee number', () => `${HEADER}\n${storeLine('X-1')}\n${storeLine('x-1')}`],
      ['a NUL in a name', () => `${HEADER}\nX-1,A\u0000n,Lee,,CASHIER,${chart.stores.n1.code},,`],
      ['an unknown store', () => `${HEADER}\n${line('X-1')}`],
    ])('%s: errors listed, nothing written', async (_name, csv) => {
      const before = await snapshot();
      const response = await graphql(t.app, Q.importEmployees, { csv: csv() }, tokens.hr);
      expect(response.errors).toBeUndefined();
      const result = response.data!.importEmployees;
      expect(result.created + result.updated).toBe(0);
      expect(result.errorCount).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
    });

    it('reads a file with a BOM and CRLF line ends', async () => {
      const csv = `\ufeff${HEADER}\r\n${storeLine('BOM-1')}\r\n${storeLine('BOM-2')}\r\n`;
      const response = await graphql(t.app, Q.importEmployees, { csv }, tokens.hr);
      expect(response.data!.importEmployees).toMatchObject({ created: 2, errorCount: 0 });
    });
  });

  describe('REST routes', () => {
    const get = (path: string) => request(t.app.getHttpServer()).get(path).set('authorization', `Bearer ${tokens.hr!}`);

    it.each([
      ['/reports/store-compliance.csv?regionId=abc', 400],
      [`/reports/store-compliance.csv?regionId=${HUGE_ID}`, 400],
      ['/reports/store-compliance.csv?regionId=0', 400],
      ['/reports/store-compliance.csv?regionId=1&regionId=2', 400],
      ['/reports/store-compliance.csv?regionId[a]=1', 400],
      ['/reports/store-compliance.csv?__proto__=1', 400],
      ['/reports/store-compliance.csv?regionId=4000000000', 404],
      ['/reports/certifications.csv?expiringWithinDays=-1', 400],
      ['/reports/certifications.csv?expiringWithinDays=99999', 400],
      ['/reports/certifications.csv?status=LOST', 400],
      ['/reports/certifications.csv?storeId=%00', 400],
      [`/reports/certifications.csv?storeId=${LONG}`, 400],
      ['/reports/certifications.csv?programId=4000000000', 404],
      ['/reports/missing-certifications.csv?storeId=abc', 400],
      [`/reports/missing-certifications.csv?programId=${HUGE_ID}`, 400],
      ['/reports/missing-certifications.csv?regionId[a]=1', 400],
      ['/reports/missing-certifications.csv?__proto__=1', 400],
      ['/reports/missing-certifications.csv?storeId=4000000000', 404],
      ['/reports/open-assignments.csv?status=LOST', 400],
      ['/reports/open-assignments.csv?status=CANCELLED', 400],
      ['/reports/open-assignments.csv?courseId=%00', 400],
      [`/reports/open-assignments.csv?courseId=${LONG}`, 400],
      ['/reports/open-assignments.csv?courseId=1&courseId=2', 400],
      ['/reports/open-assignments.csv?courseId=4000000000', 404],
      ['/certificates/abc.pdf', 404],
      ['/certificates/0.pdf', 404],
      ['/certificates/4000000000.pdf', 404],
      [`/certificates/${HUGE_ID}.pdf`, 404],
      ['/certificates/1.pdf%00', 404],
      ['/certificates/%E0%A4%A.pdf', 400],
    ])('GET %s answers %i', async (path, status) => {
      expect((await get(path)).status).toBe(status);
    });

    it('health ignores a query string', async () => {
      expect((await request(t.app.getHttpServer()).get('/health?x=%00')).status).toBe(200);
    });

    it('exports names that start a formula as text', async () => {
      const variables = {
        id: String(chart.people.employee.id),
        input: { firstName: '=cmd|"/c calc"!A1', lastName: '@SUM(1)' },
      };
      expect((await graphql(t.app, Q.updateEmployee, variables, tokens.hr)).errors).toBeUndefined();
      for (const path of ['/reports/certifications.csv', '/reports/open-assignments.csv']) {
        const csv = (await get(path)).text;
        expect(csv).toContain(`'=cmd|""/c calc""!A1`);
        expect(csv).toContain(`'@SUM(1)`);
        expect(csv).not.toMatch(/(^|,)"?[=@]/m);
      }
    });
  });
});
