import { AssignmentReason } from '@lp/assignments';
import { Role, type StoreEntity, type EmployeeEntity } from '@lp/organisation';
import {
  asDeadlockVictim,
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildStore,
  type BuiltCourse,
  completeLessons,
  createTestApp,
  errorCode,
  graphql,
  type TestApp,
} from '@lp/testing';

const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) {
  createCertificationProgram(input: $input) { id code validityMonths recertifyWindowDays reminderOffsetsDays }
}`;
const HIRE = `mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }`;
const MY_ASSIGNMENTS = `{ myAssignments { id status reason dueAt course { id } } }`;
const COMPLETE_LESSON = `mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { id } }`;
const START = `mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id questions { id } } }`;
const SUBMIT = `mutation ($attempt: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attempt, answers: $answers) {
    passed certification { id certificateNumber verificationCode status expiresAt earnedOn { course { id } versionNumber } }
  }
}`;
const VERIFY = `query ($code: String!) { verifyCertificate(code: $code) { valid status holderName expiresAt } }`;
const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }`;

describe('the certification loop: audience, passing, issuing, expiring, renewing, revoking', () => {
  let t: TestApp;
  let hr: EmployeeEntity;
  let store: StoreEntity;
  let course: BuiltCourse;
  let refresher: BuiltCourse;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    store = await buildStore(t.dataSource);
    hr = await buildEmployee(t.dataSource, { role: Role.HR, storeId: store.id });
    course = await buildCourse(t.dataSource, { code: 'LP-BASICS' });
    refresher = await buildCourse(t.dataSource, { code: 'LP-REFRESH' });
  });

  /** Completes the course's lessons and starts its quiz: the variables of a passing submission. */
  async function readyToPass(token: () => string, assignmentId: number, built: BuiltCourse) {
    await completeLessons(t.app, token(), assignmentId, built.lessons);
    const started = await graphql(t.app, START, { a: assignmentId }, token());
    expect(started.errors).toBeUndefined();
    const attempt = started.data!.startQuizAttempt;
    const answers = attempt.questions.map((q: { id: string }) => ({
      questionId: q.id,
      optionIds: [String(built.questions.find((b) => String(b.id) === q.id)!.rightOptionId)],
    }));
    return { attempt: attempt.id, answers };
  }

  async function passCourse(token: () => string, assignmentId: number, built: BuiltCourse) {
    return graphql(t.app, SUBMIT, await readyToPass(token, assignmentId, built), token());
  }

  /** LP Officer, a second programme required of cashiers. */
  function createOfficer(courseIds: number[]) {
    const input = { code: 'LPO', name: 'LP Officer', validityMonths: 12, recertifyWindowDays: 60, courseIds };
    return graphql(t.app, CREATE_PROGRAM, { input: { ...input, requiredJobRoleCodes: ['CASHIER'] } }, t.tokenFor(hr));
  }

  /** LP Foundations, created by HR: 12 months' validity, renewable in the last 60 days. */
  function createFoundations(input: {
    courseIds: number[];
    refresherCourseId?: number;
    requiredJobRoleCodes?: string[];
  }) {
    return graphql(
      t.app,
      CREATE_PROGRAM,
      { input: { code: 'LPF', name: 'LP Foundations', validityMonths: 12, recertifyWindowDays: 60, ...input } },
      t.tokenFor(hr),
    );
  }

  it('runs from a new hire to a renewed and then revoked certificate', async () => {
    const program = await createFoundations({
      courseIds: [course.course.id],
      refresherCourseId: refresher.course.id,
      requiredJobRoleCodes: ['CASHIER'],
    });
    expect(program.errors).toBeUndefined();
    expect(program.data!.createCertificationProgram.reminderOffsetsDays).toEqual([30, 14, 7, 1]);

    const hired = await graphql(
      t.app,
      HIRE,
      {
        input: {
          employeeNumber: 'N-1',
          email: 'new.cashier@example.test',
          firstName: 'Nia',
          lastName: 'Cole',
          jobRoleCode: 'CASHIER',
          storeId: store.id,
        },
      },
      t.tokenFor(hr),
    );
    const cashier = { id: Number(hired.data!.createEmployee.id) };
    const token = () => t.tokenFor(cashier); // minted anew after each move of the clock

    const [assignment] = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments;
    expect(assignment).toMatchObject({
      status: 'ASSIGNED',
      reason: 'ONBOARDING',
      course: { id: String(course.course.id) },
    });
    // The end of the 30th day from the hire in the store's zone (London, in summer time by then).
    expect(assignment.dueAt).toBe('2026-04-01T22:59:00.000Z');

    t.clock.set(new Date('2026-03-10T09:00:00Z'));
    const passed = await passCourse(token, assignment.id, course);
    expect(passed.errors).toBeUndefined();
    const certificate = passed.data!.submitQuizAttempt.certification;
    expect(certificate).toMatchObject({ certificateNumber: 'LPF-2026-000001', status: 'ACTIVE' });
    expect(certificate.expiresAt).toBe('2027-03-10T09:00:00.000Z');
    expect(certificate.earnedOn).toEqual([{ course: { id: String(course.course.id) }, versionNumber: 1 }]);

    const verified = await graphql(t.app, VERIFY, { code: certificate.verificationCode });
    expect(verified.data!.verifyCertificate).toMatchObject({ valid: true, status: 'ACTIVE', holderName: 'Nia Cole' });

    t.clock.set(new Date('2027-01-20T09:00:00Z'));
    const mine = await graphql(t.app, '{ myCertifications { status } }', {}, token());
    expect(mine.data!.myCertifications).toEqual([{ status: 'EXPIRING' }]);

    const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
    const assigned = await graphql(
      t.app,
      ASSIGN,
      { input: { courseId: refresher.course.id, employeeIds: [cashier.id], dueAt: '2027-03-01T00:00:00Z' } },
      t.tokenFor(manager),
    );
    expect(assigned.data!.assignCourse).toEqual({ created: 1, skipped: 0 });
    const refresherAssignment = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments.find(
      (a: { course: { id: string } }) => a.course.id === String(refresher.course.id),
    );
    const renewed = (await passCourse(token, refresherAssignment.id, refresher)).data!.submitQuizAttempt.certification;
    expect(renewed.certificateNumber).toBe('LPF-2027-000001');
    expect(renewed.expiresAt).toBe('2028-03-10T09:00:00.000Z');
    expect(renewed.status).toBe('ACTIVE');

    const revoked = await graphql(
      t.app,
      'mutation ($id: ID!) { revokeCertification(id: $id, reason: "Policy breach") { status } }',
      { id: renewed.id },
      t.tokenFor(hr),
    );
    expect(revoked.data!.revokeCertification.status).toBe('REVOKED');
    const after = await graphql(t.app, VERIFY, { code: renewed.verificationCode });
    expect(after.data!.verifyCertificate).toMatchObject({ valid: false, status: 'REVOKED' });

    // Still a cashier, so the audience rule assigns the programme's course again, due as a newcomer's is.
    const again = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments.filter(
      (a: { status: string }) => a.status === 'ASSIGNED',
    );
    expect(again).toEqual([
      expect.objectContaining({
        reason: 'RULE',
        course: { id: String(course.course.id) },
        // The end of 19 February in London.
        dueAt: '2027-02-19T23:59:00.000Z',
      }),
    ]);
    const recertified = (await passCourse(token, again[0].id, course)).data!.submitQuizAttempt.certification;
    expect(recertified).toMatchObject({ status: 'ACTIVE', expiresAt: '2028-01-20T09:00:00.000Z' });
  });

  describe('after the first certificate', () => {
    let cashier: EmployeeEntity;
    const token = () => t.tokenFor(cashier); // minted anew after each move of the clock
    const openAssignment = async (built: BuiltCourse) =>
      ((await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments as any[]).find(
        (a) => a.course.id === String(built.course.id) && a.status !== 'COMPLETED' && a.status !== 'CANCELLED',
      );
    const assign = async (built: BuiltCourse, dueAt: string) => {
      const input = { courseId: built.course.id, employeeIds: [cashier.id], dueAt };
      expect((await graphql(t.app, ASSIGN, { input }, t.tokenFor(hr))).errors).toBeUndefined();
      return openAssignment(built);
    };
    const pass = async (built: BuiltCourse, assignment: { id: number }) => {
      const result = await passCourse(token, assignment.id, built);
      expect(result.data!.submitQuizAttempt.passed).toBe(true);
      return result.data!.submitQuizAttempt.certification;
    };
    const myStatuses = async () =>
      (await graphql(t.app, '{ myCertifications { status expiresAt } }', {}, token())).data!.myCertifications;

    /** A cashier in LP Foundations' audience, certified on 2 March 2026 until 2 March 2027. */
    beforeEach(async () => {
      cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
      const program = await createFoundations({
        courseIds: [course.course.id],
        refresherCourseId: refresher.course.id,
        requiredJobRoleCodes: ['CASHIER'],
      });
      expect(program.errors).toBeUndefined();
      const certificate = await pass(course, await openAssignment(course));
      expect(certificate.expiresAt).toBe('2027-03-02T09:00:00.000Z');
    });

    it('certifies a lapsed holder again who passes the course once more', async () => {
      // Moving store after the expiry puts them in the audience again, which assigns the course anew.
      t.clock.set(new Date('2027-09-01T09:00:00Z'));
      const otherStore = await buildStore(t.dataSource);
      const moved = await graphql(
        t.app,
        'mutation ($id: ID!, $storeId: ID!) { updateEmployee(id: $id, input: { storeId: $storeId }) { id } }',
        { id: cashier.id, storeId: otherStore.id },
        t.tokenFor(hr),
      );
      expect(moved.errors).toBeUndefined();
      const again = await openAssignment(course);
      expect(again).toMatchObject({ reason: 'RULE', status: 'ASSIGNED' });

      const certificate = await pass(course, again);
      expect(certificate).toMatchObject({ status: 'ACTIVE', expiresAt: '2028-09-01T09:00:00.000Z' });
      expect(await myStatuses()).toEqual([{ status: 'ACTIVE', expiresAt: '2028-09-01T09:00:00.000Z' }]);
    });

    it('does not renew a lapsed certificate with a refresher taken up after its expiry', async () => {
      t.clock.set(new Date('2027-09-01T09:00:00Z'));
      expect(await pass(refresher, await assign(refresher, '2027-10-01T00:00:00Z'))).toBeNull();
      expect(await myStatuses()).toEqual([{ status: 'EXPIRED', expiresAt: '2027-03-02T09:00:00.000Z' }]);
    });

    it('renews with the refresher assigned inside the window, even when it is passed after the expiry', async () => {
      t.clock.set(new Date('2027-02-01T09:00:00Z'));
      const overdue = await assign(refresher, '2027-03-01T00:00:00Z');
      t.clock.set(new Date('2027-03-10T09:00:00Z'));
      const renewed = await pass(refresher, overdue);
      expect(renewed).toMatchObject({ status: 'ACTIVE', expiresAt: '2028-03-10T09:00:00.000Z' });
    });

    it('renews when the required course is passed again inside the window, and not before it', async () => {
      t.clock.set(new Date('2026-06-01T09:00:00Z'));
      expect(await pass(course, await assign(course, '2026-07-01T00:00:00Z'))).toBeNull();

      t.clock.set(new Date('2027-02-01T09:00:00Z'));
      const renewed = await pass(course, await assign(course, '2027-03-01T00:00:00Z'));
      expect(renewed).toMatchObject({ status: 'ACTIVE', expiresAt: '2028-03-02T09:00:00.000Z' });
    });
  });

  it('cancels open rule-made assignments when someone leaves the audience, and keeps others', async () => {
    await createFoundations({ courseIds: [course.course.id], requiredJobRoleCodes: ['CASHIER'] });
    const cashier = await graphql(
      t.app,
      HIRE,
      {
        input: { employeeNumber: 'N-2', firstName: 'Ola', lastName: 'Berg', jobRoleCode: 'CASHIER', storeId: store.id },
      },
      t.tokenFor(hr),
    );
    const id = cashier.data!.createEmployee.id;
    await graphql(
      t.app,
      'mutation ($id: ID!) { updateEmployee(id: $id, input: { jobRoleCode: "SALES_ASSOCIATE" }) { id } }',
      { id },
      t.tokenFor(hr),
    );
    const rows = await t.dataSource.query('SELECT status, reason FROM assignments WHERE employee_id = ?', [id]);
    expect(rows).toEqual([{ status: 'CANCELLED', reason: 'ONBOARDING' }]);
  });

  it('cancels the programme’s rule-made assignments of someone HR certifies by a grant', async () => {
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const program = await createFoundations({ courseIds: [course.course.id], requiredJobRoleCodes: ['CASHIER'] });
    expect((await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(cashier))).data!.myAssignments).toEqual([
      expect.objectContaining({ status: 'ASSIGNED', reason: 'RULE' }),
    ]);

    const granted = await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { status } }',
      { e: cashier.id, p: program.data!.createCertificationProgram.id },
      t.tokenFor(hr),
    );
    expect(granted.data!.grantCertification).toEqual({ status: 'ACTIVE' });
    expect((await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(cashier))).data!.myAssignments).toEqual([
      expect.objectContaining({ status: 'CANCELLED', reason: 'RULE' }),
    ]);
  });

  it('cancels a newcomer’s onboarding work, as rule-made work, when HR certifies them by a grant', async () => {
    const program = await createFoundations({ courseIds: [course.course.id], requiredJobRoleCodes: ['CASHIER'] });
    const hired = await graphql(
      t.app,
      HIRE,
      {
        input: {
          employeeNumber: 'N-3',
          firstName: 'Ines',
          lastName: 'Moya',
          jobRoleCode: 'CASHIER',
          storeId: store.id,
        },
      },
      t.tokenFor(hr),
    );
    const newcomer = { id: Number(hired.data!.createEmployee.id) } as EmployeeEntity;
    expect((await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(newcomer))).data!.myAssignments).toEqual([
      expect.objectContaining({ status: 'ASSIGNED', reason: 'ONBOARDING' }),
    ]);

    const granted = await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { status } }',
      { e: newcomer.id, p: program.data!.createCertificationProgram.id },
      t.tokenFor(hr),
    );
    expect(granted.data!.grantCertification).toEqual({ status: 'ACTIVE' });
    expect((await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(newcomer))).data!.myAssignments).toEqual([
      expect.objectContaining({ status: 'CANCELLED', reason: 'ONBOARDING' }),
    ]);
  });

  it('hands a course another programme still requires over to it, progress and all, when a grant closes the first programme’s', async () => {
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const foundations = await createFoundations({ courseIds: [course.course.id], requiredJobRoleCodes: ['CASHIER'] });
    const [started] = (await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(cashier))).data!.myAssignments;
    await graphql(t.app, COMPLETE_LESSON, { a: started.id, l: course.lessons[0].id }, t.tokenFor(cashier));
    const officer = await createOfficer([course.course.id]);
    expect(officer.errors).toBeUndefined();

    await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { status } }',
      { e: cashier.id, p: foundations.data!.createCertificationProgram.id },
      t.tokenFor(hr),
    );
    const mine = (await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(cashier))).data!.myAssignments;
    expect(mine).toEqual([expect.objectContaining({ id: started.id, status: 'IN_PROGRESS', reason: 'RULE' })]);
    const [row] = await t.dataSource.query('SELECT program_id FROM assignments WHERE id = ?', [started.id]);
    expect(row.program_id).toBe(Number(officer.data!.createCertificationProgram.id));
  });

  it('hands a newcomer’s onboarding course over to another programme still as onboarding work', async () => {
    const foundations = await createFoundations({ courseIds: [course.course.id], requiredJobRoleCodes: ['CASHIER'] });
    const hired = await graphql(
      t.app,
      HIRE,
      {
        input: {
          employeeNumber: 'N-4',
          firstName: 'Tomas',
          lastName: 'Lind',
          jobRoleCode: 'CASHIER',
          storeId: store.id,
        },
      },
      t.tokenFor(hr),
    );
    const newcomer = { id: Number(hired.data!.createEmployee.id) } as EmployeeEntity;
    const officer = await createOfficer([course.course.id]);
    expect(officer.errors).toBeUndefined();

    await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { status } }',
      { e: newcomer.id, p: foundations.data!.createCertificationProgram.id },
      t.tokenFor(hr),
    );
    expect((await graphql(t.app, MY_ASSIGNMENTS, {}, t.tokenFor(newcomer))).data!.myAssignments).toEqual([
      expect.objectContaining({ status: 'ASSIGNED', reason: 'ONBOARDING' }),
    ]);
    const [row] = await t.dataSource.query('SELECT program_id FROM assignments WHERE employee_id = ?', [newcomer.id]);
    expect(row.program_id).toBe(Number(officer.data!.createCertificationProgram.id));
  });

  it('assigns nothing already passed for another programme when a grant closes a programme’s work', async () => {
    const other = await buildCourse(t.dataSource, { code: 'LP-OTHER' });
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const foundations = await createFoundations({ courseIds: [other.course.id], requiredJobRoleCodes: ['CASHIER'] });
    const second = await buildCourse(t.dataSource, { code: 'LP-SECOND' });
    const officer = await createOfficer([course.course.id, second.course.id]);
    expect(officer.errors).toBeUndefined();
    const token = () => t.tokenFor(cashier);
    const firstOfficerCourse = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments.find(
      (a: { course: { id: string } }) => a.course.id === String(course.course.id),
    );
    expect((await passCourse(token, firstOfficerCourse.id, course)).data!.submitQuizAttempt.passed).toBe(true);

    await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { status } }',
      { e: cashier.id, p: foundations.data!.createCertificationProgram.id },
      t.tokenFor(hr),
    );
    const byCourse = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments.map(
      (a: { course: { id: string }; status: string }) => [a.course.id, a.status],
    );
    expect(byCourse.sort()).toEqual(
      [
        [String(course.course.id), 'COMPLETED'],
        [String(second.course.id), 'ASSIGNED'],
        [String(other.course.id), 'CANCELLED'],
      ].sort(),
    );
  });

  describe('moving into a programme’s audience', () => {
    let cashier: EmployeeEntity;
    const token = () => t.tokenFor(cashier);
    const myOpenCourses = async () =>
      ((await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments as any[])
        .filter((a) => a.status === 'ASSIGNED' || a.status === 'IN_PROGRESS')
        .map((a) => ({ id: a.id, reason: a.reason, course: a.course.id }));
    /** LP Officer, required of LP officers. */
    const createOfficerOfLpOfficers = async (courseIds: number[]) => {
      const input = { code: 'LPO', name: 'LP Officer', validityMonths: 12, recertifyWindowDays: 60, courseIds };
      const created = await graphql(
        t.app,
        CREATE_PROGRAM,
        { input: { ...input, requiredJobRoleCodes: ['LP_OFFICER'] } },
        t.tokenFor(hr),
      );
      expect(created.errors).toBeUndefined();
    };
    const promote = async () => {
      const input = { jobRoleCode: 'LP_OFFICER' };
      const updated = await graphql(
        t.app,
        'mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }',
        { id: cashier.id, input },
        t.tokenFor(hr),
      );
      expect(updated.errors).toBeUndefined();
    };

    /** A cashier certified in LP Foundations by passing its one course on 2 March 2026. */
    beforeEach(async () => {
      cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
      expect(
        (await createFoundations({ courseIds: [course.course.id], requiredJobRoleCodes: ['CASHIER'] })).errors,
      ).toBeUndefined();
      const [first] = await myOpenCourses();
      expect((await passCourse(token, first.id, course)).data!.submitQuizAttempt.certification).not.toBeNull();
    });

    it('assigns only the courses not passed yet: a pass counts for every programme that requires the course', async () => {
      const second = await buildCourse(t.dataSource, { code: 'LP-SECOND' });
      await createOfficerOfLpOfficers([course.course.id, second.course.id]);
      t.clock.set(new Date('2026-05-04T09:00:00Z'));

      await promote();

      const open = await myOpenCourses();
      expect(open).toEqual([{ id: expect.any(String), reason: 'RULE', course: String(second.course.id) }]);
      const certificate = (await passCourse(token, open[0].id, second)).data!.submitQuizAttempt.certification;
      expect(certificate).toMatchObject({ certificateNumber: 'LPO-2026-000001', status: 'ACTIVE' });
      expect(certificate.earnedOn.map((e: { course: { id: string } }) => e.course.id).sort()).toEqual(
        [String(course.course.id), String(second.course.id)].sort(),
      );
    });

    it('assigns the courses again when every one was passed before: passing one is how the certificate is earned', async () => {
      await createOfficerOfLpOfficers([course.course.id]);

      await promote();

      expect(await myOpenCourses()).toEqual([
        { id: expect.any(String), reason: 'RULE', course: String(course.course.id) },
      ]);
    });
  });

  it('hands an open refresher another programme’s rule requires over to that programme when a grant closes it', async () => {
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const foundations = await createFoundations({
      courseIds: [course.course.id],
      refresherCourseId: refresher.course.id,
    });
    const foundationsId = Number(foundations.data!.createCertificationProgram.id);
    const open = await buildAssignment(t.dataSource, {
      employeeId: cashier.id,
      courseId: refresher.course.id,
      programId: foundationsId,
      reason: AssignmentReason.REFRESHER,
    });
    const officer = await createOfficer([refresher.course.id]);
    await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id } }',
      { e: cashier.id, p: foundationsId },
      t.tokenFor(hr),
    );
    const [row] = await t.dataSource.query('SELECT status, reason, program_id FROM assignments WHERE id = ?', [
      open.id,
    ]);
    expect(row).toEqual({
      status: 'ASSIGNED',
      reason: 'RULE',
      program_id: Number(officer.data!.createCertificationProgram.id),
    });
  });

  it('cancels the open refresher of a revoked certificate, which can no longer renew anything', async () => {
    const program = await createFoundations({ courseIds: [course.course.id], refresherCourseId: refresher.course.id });
    const programId = Number(program.data!.createCertificationProgram.id);
    const holder = await buildEmployee(t.dataSource, { storeId: store.id });
    const granted = await graphql(
      t.app,
      'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id } }',
      { e: holder.id, p: programId },
      t.tokenFor(hr),
    );
    const open = await buildAssignment(t.dataSource, {
      employeeId: holder.id,
      courseId: refresher.course.id,
      programId,
      reason: AssignmentReason.REFRESHER,
    });
    await graphql(
      t.app,
      'mutation ($id: ID!) { revokeCertification(id: $id, reason: "Issued in error") { status } }',
      { id: granted.data!.grantCertification.id },
      t.tokenFor(hr),
    );
    const [row] = await t.dataSource.query('SELECT status FROM assignments WHERE id = ?', [open.id]);
    expect(row.status).toBe('CANCELLED');
  });

  it('issues one certificate when a learner passes both of a programme’s courses at the same moment', async () => {
    const second = await buildCourse(t.dataSource, { code: 'LP-SECOND' });
    const program = await createFoundations({
      courseIds: [course.course.id, second.course.id],
      requiredJobRoleCodes: ['CASHIER'],
    });
    expect(program.errors).toBeUndefined();
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    for (const built of [course, second]) {
      const input = { courseId: built.course.id, employeeIds: [cashier.id], dueAt: '2026-06-01T00:00:00Z' };
      expect((await graphql(t.app, ASSIGN, { input }, t.tokenFor(hr))).errors).toBeUndefined();
    }
    const token = () => t.tokenFor(cashier);
    const assignments = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments as {
      id: number;
      course: { id: string };
    }[];
    const assignmentOf = (built: BuiltCourse) => assignments.find((a) => a.course.id === String(built.course.id))!.id;

    const results = await Promise.all([
      passCourse(token, assignmentOf(course), course),
      passCourse(token, assignmentOf(second), second),
    ]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const certificates = results.map((result) => result.data!.submitQuizAttempt.certification).filter(Boolean);
    expect(certificates).toHaveLength(1);
    const issued = await t.dataSource.query('SELECT certificate_number FROM certifications WHERE employee_id = ?', [
      cashier.id,
    ]);
    expect(issued).toEqual([{ certificate_number: 'LPF-2026-000001' }]);
  });

  it('submits again, whole, a passing submission InnoDB rolled back to break a deadlock', async () => {
    const program = await createFoundations({ courseIds: [course.course.id] });
    const programId = Number(program.data!.createCertificationProgram.id);
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const input = { courseId: course.course.id, employeeIds: [cashier.id], dueAt: '2026-06-01T00:00:00Z' };
    expect((await graphql(t.app, ASSIGN, { input }, t.tokenFor(hr))).errors).toBeUndefined();
    const token = () => t.tokenFor(cashier);
    const [assignment] = (await graphql(t.app, MY_ASSIGNMENTS, {}, token())).data!.myAssignments;
    const submission = await readyToPass(token, assignment.id, course);

    // Another transaction holds the programme's numbering row, which the submission will wait
    // for, then asks for the learner's turn, which the waiting submission holds.
    const result = await asDeadlockVictim(
      t.dataSource,
      {
        hold: [
          'SELECT last_number FROM certificate_sequences WHERE program_id = ? AND year = 2026 FOR UPDATE',
          [programId],
        ],
        waitsOn: 'certificate_sequences',
        closeCycle: ['SELECT id FROM employees WHERE id = ? FOR UPDATE', [cashier.id]],
      },
      () => graphql(t.app, SUBMIT, submission, token()),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.submitQuizAttempt).toMatchObject({
      passed: true,
      certification: { certificateNumber: 'LPF-2026-000001', status: 'ACTIVE' },
    });
  });

  it('never duplicates an open assignment, even when two managers assign the same store at once', async () => {
    for (let i = 0; i < 6; i++) await buildEmployee(t.dataSource, { storeId: store.id });
    const managerA = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
    const managerB = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
    const input = { courseId: course.course.id, storeId: store.id, dueAt: '2026-06-01T00:00:00Z' };
    const [a, b] = await Promise.all([
      graphql(t.app, ASSIGN, { input }, t.tokenFor(managerA)),
      graphql(t.app, ASSIGN, { input }, t.tokenFor(managerB)),
    ]);
    const created = a.data!.assignCourse.created + b.data!.assignCourse.created;
    const people = 6 + 2 + 1; // staff, both managers, HR
    expect(created).toBe(people);
    expect(a.data!.assignCourse.skipped + b.data!.assignCourse.skipped).toBe(people);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM assignments WHERE course_id = ?', [
      course.course.id,
    ]);
    expect(Number(n)).toBe(people);
  });

  it('refuses bad assignments and writes nothing', async () => {
    const otherStore = await buildStore(t.dataSource);
    const stranger = await buildEmployee(t.dataSource, { storeId: otherStore.id });
    const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
    const token = t.tokenFor(manager);
    const base = { courseId: course.course.id, dueAt: '2026-06-01T00:00:00Z' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, dueAt: '2026-01-01T00:00:00Z', storeId: store.id }, 'BAD_USER_INPUT'],
      [{ ...base, courseId: 999999, storeId: store.id }, 'NOT_FOUND'],
      [{ ...base, employeeIds: [999999] }, 'NOT_FOUND'],
      [{ ...base, storeId: otherStore.id }, 'FORBIDDEN'],
      [{ ...base, employeeIds: [stranger.id] }, 'FORBIDDEN'],
      [{ ...base }, 'BAD_USER_INPUT'],
      [{ ...base, storeId: store.id, jobRoleCodes: ['ASTRONAUT'] }, 'BAD_USER_INPUT'],
      [{ ...base, dueAt: 'next tuesday', storeId: store.id }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      expect(errorCode(await graphql(t.app, ASSIGN, { input }, token))).toBe(code);
    }
    const employee = await buildEmployee(t.dataSource, { storeId: store.id });
    expect(
      errorCode(await graphql(t.app, ASSIGN, { input: { ...base, storeId: store.id } }, t.tokenFor(employee))),
    ).toBe('FORBIDDEN');
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM assignments');
    expect(Number(n)).toBe(0);
  });

  it('refuses bad programmes and writes nothing', async () => {
    const base = { name: 'X', courseIds: [course.course.id], validityMonths: 12, recertifyWindowDays: 60 };
    await graphql(t.app, CREATE_PROGRAM, { input: { ...base, code: 'DUP' } }, t.tokenFor(hr));
    const elsewhere = await buildStore(t.dataSource);
    const outsideItsRegion = { jobRoleCode: 'CASHIER', storeId: elsewhere.id, regionId: store.regionId };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, code: 'AUD', audience: [outsideItsRegion] }, 'BAD_USER_INPUT'],
      [{ ...base, code: 'DUP' }, 'CONFLICT'],
      [{ ...base, code: 'V0', validityMonths: 0 }, 'BAD_USER_INPUT'],
      [{ ...base, code: 'VN', validityMonths: -3 }, 'BAD_USER_INPUT'],
      [{ ...base, code: 'WIN', validityMonths: 1, recertifyWindowDays: 45 }, 'BAD_USER_INPUT'],
      [{ ...base, code: 'NOC', courseIds: [999999] }, 'BAD_USER_INPUT'],
      [{ ...base, code: 'ROLE', requiredJobRoleCodes: ['ASTRONAUT'] }, 'BAD_USER_INPUT'],
      [{ ...base, code: 'EMPTY', courseIds: [] }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      expect(errorCode(await graphql(t.app, CREATE_PROGRAM, { input }, t.tokenFor(hr)))).toBe(code);
    }
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM certification_programs');
    expect(Number(n)).toBe(1);
  });

  it('refuses a fixed expiry date that is no day of the calendar, or FIXED_DATE without a date', async () => {
    const fixed = {
      name: 'X',
      courseIds: [course.course.id],
      validityMonths: 12,
      recertifyWindowDays: 60,
      renewalBasis: 'FIXED_DATE',
    };
    for (const input of [
      { ...fixed, code: 'FEB', fixedExpiryDate: '02-30' },
      { ...fixed, code: 'APR', fixedExpiryDate: '04-31' },
      { ...fixed, code: 'MON', fixedExpiryDate: '13-01' },
      { ...fixed, code: 'NULL', fixedExpiryDate: null },
      { ...fixed, code: 'NONE' },
    ]) {
      const refused = await graphql(t.app, CREATE_PROGRAM, { input }, t.tokenFor(hr));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fixedExpiryDate' });
    }
    const leapDay = await graphql(
      t.app,
      CREATE_PROGRAM,
      { input: { ...fixed, code: 'LEAP', fixedExpiryDate: '02-29' } },
      t.tokenFor(hr),
    );
    expect(leapDay.errors).toBeUndefined();
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM certification_programs');
    expect(Number(n)).toBe(1);
  });

  it('refuses a reminder on day 0 and stores the offsets the planner uses, the defaults for an empty list', async () => {
    const base = { name: 'X', courseIds: [course.course.id], validityMonths: 12, recertifyWindowDays: 60 };
    for (const reminderOffsetsDays of [[0], [7, 0]]) {
      const refused = await graphql(
        t.app,
        CREATE_PROGRAM,
        { input: { ...base, code: 'ZERO', reminderOffsetsDays } },
        t.tokenFor(hr),
      );
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reminderOffsetsDays' });
    }
    const created = await graphql(
      t.app,
      CREATE_PROGRAM,
      { input: { ...base, code: 'EMPTY', reminderOffsetsDays: [] } },
      t.tokenFor(hr),
    );
    expect(created.data!.createCertificationProgram.reminderOffsetsDays).toEqual([30, 14, 7, 1]);
    const [program] = await t.dataSource.query('SELECT code, reminder_offsets_days FROM certification_programs');
    expect(program).toEqual({ code: 'EMPTY', reminder_offsets_days: [30, 14, 7, 1] });
  });

  it('takes null for an optional field as not given', async () => {
    const created = await graphql(
      t.app,
      CREATE_PROGRAM,
      {
        input: {
          code: 'LPF',
          name: 'LP Foundations',
          courseIds: [course.course.id],
          validityMonths: 12,
          recertifyWindowDays: 60,
          description: null,
          refresherCourseId: null,
          reminderOffsetsDays: null,
          requiredJobRoleCodes: null,
          audience: null,
          renewalBasis: null,
          fixedExpiryDate: null,
          onboardingDays: null,
        },
      },
      t.tokenFor(hr),
    );
    expect(created.errors).toBeUndefined();
    const [program] = await t.dataSource.query(
      'SELECT renewal_basis, fixed_expiry_date, onboarding_days FROM certification_programs',
    );
    expect(program).toEqual({ renewal_basis: 'PREVIOUS_EXPIRY', fixed_expiry_date: null, onboarding_days: 30 });
    expect(created.data!.createCertificationProgram.reminderOffsetsDays).toEqual([30, 14, 7, 1]);
  });
});
