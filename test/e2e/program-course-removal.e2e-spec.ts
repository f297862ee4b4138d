import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CertificationJob, CourseRemovalIssuer, type IssueAfterCourseRemovalPayload } from '@lp/certification';
import { QueueName } from '@lp/core';
import { ReminderPlanning } from '@lp/reminders';
import {
  type BuiltCourse,
  buildCourse,
  buildOrgChart,
  errorCode,
  eventually,
  graphql,
  type OrgChart,
  passCourse,
  type TestApp,
  type TestWorker,
  useApiWithWorker,
} from '@lp/testing';

const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const UPDATE_PROGRAM = `mutation ($id: ID!, $input: UpdateCertificationProgramInput!) {
  updateCertificationProgram(id: $id, input: $input) { id courses { id } }
}`;
const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }`;
const GRANT = `mutation ($employeeId: ID!, $programId: ID!) {
  grantCertification(employeeId: $employeeId, programId: $programId) { id expiresAt }
}`;
const CERTIFICATES = `query ($programId: ID!) {
  certifications(filter: { programId: $programId }) { edges { node { id issuedAt expiresAt status source employee { id } } } }
}`;

/** HR takes a course out of a programme: what people must pass changes from then on. */
describe('removing a course from a certification programme', () => {
  const suite = useApiWithWorker();
  let t: TestApp;
  let worker: TestWorker;
  let chart: OrgChart;
  let basics: BuiltCourse;
  let cctv: BuiltCourse;
  let issuing: Queue<IssueAfterCourseRemovalPayload>;

  beforeAll(() => {
    ({ t, worker } = suite);
    issuing = t.app.get(getQueueToken(QueueName.CertificationIssuing));
  });

  beforeEach(async () => {
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
    basics = await buildCourse(t.dataSource);
    cctv = await buildCourse(t.dataSource);
  });

  const asHr = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const createProgram = async (input: Record<string, unknown>): Promise<number> =>
    Number(
      (
        await asHr(CREATE_PROGRAM, {
          input: { code: 'LPE', name: 'LP Essentials', validityMonths: 12, recertifyWindowDays: 60, ...input },
        })
      ).createCertificationProgram.id,
    );
  const assignmentOf = async (employeeId: number, courseId: number) => {
    const [row] = (await t.dataSource.query(
      'SELECT id, status, reason, program_id FROM assignments WHERE employee_id = ? AND course_id = ? ORDER BY id DESC LIMIT 1',
      [employeeId, courseId],
    )) as { id: number; status: string; reason: string; program_id: number | null }[];
    return {
      id: Number(row.id),
      status: row.status,
      reason: row.reason,
      programId: row.program_id && Number(row.program_id),
    };
  };
  /** Waits for the worker to have run `count` issuing jobs in all, with none left to run. */
  const issuingDone = (count: number) =>
    eventually(async () =>
      expect(await issuing.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        completed: count,
        failed: 0,
      }),
    );
  const certificates = async (programId: number) =>
    (await asHr(CERTIFICATES, { programId: String(programId) })).certifications.edges.map(
      (edge: { node: Record<string, unknown> }) => edge.node,
    );

  it('cancels the open work it made for the course, keeps what is done, and certifies those it leaves with nothing to do', async () => {
    const { employee, s1Employee, colleague, n2Employee } = chart.people;
    // Cashiers need basics and CCTV, due in 14 days.
    const id = await createProgram({
      courseIds: [basics.course.id, cctv.course.id],
      onboardingDays: 14,
      audience: [{ jobRoleCode: 'CASHIER' }],
    });
    // Another programme needs CCTV of the cashiers of store s1.
    const other = await createProgram({
      code: 'LPC',
      name: 'LP CCTV',
      courseIds: [cctv.course.id],
      audience: [{ jobRoleCode: 'CASHIER', storeId: chart.stores.s1.id }],
    });
    // The employee has passed basics; their CCTV is what is left.
    expect(
      await passCourse(t.app, t.tokenFor(employee), (await assignmentOf(employee.id, basics.course.id)).id, basics),
    ).toBeNull();
    // A manager's own assignment of CCTV is not the programme's.
    const dueAt = new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString();
    await asHr(ASSIGN, { input: { courseId: String(cctv.course.id), dueAt, employeeIds: [String(colleague.id)] } });
    // A holder keeps what they hold.
    const held = (await asHr(GRANT, { employeeId: String(n2Employee.id), programId: String(id) })).grantCertification;
    await worker.app.get(ReminderPlanning).plan();
    const employeesCctv = await assignmentOf(employee.id, cctv.course.id);
    const pendingReminders = () =>
      t.dataSource.query(
        "SELECT COUNT(*) AS n FROM notifications WHERE subject_type = 'ASSIGNMENT' AND subject_id = ? AND status = 'PENDING'",
        [employeesCctv.id],
      );
    expect(await pendingReminders()).toEqual([{ n: 1 }]);

    t.clock.set(new Date('2026-03-05T10:00:00Z'));
    // The worker is held back, to see what the edit itself does.
    await issuing.pause();
    const { updateCertificationProgram } = await asHr(UPDATE_PROGRAM, {
      id,
      input: { removeCourseIds: [String(cctv.course.id)] },
    });

    expect(updateCertificationProgram.courses).toEqual([{ id: String(basics.course.id) }]);
    // The employee's CCTV, and its reminder, are cancelled; basics passed was all that was left.
    expect(await assignmentOf(employee.id, cctv.course.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await pendingReminders()).toEqual([{ n: 0 }]);
    expect(await assignmentOf(employee.id, basics.course.id)).toMatchObject({ status: 'COMPLETED' });
    // The certificate is not the edit's: the worker issues it, dated from the change however late it runs.
    expect(await certificates(id)).toHaveLength(1);
    expect(await issuing.count()).toBe(1);
    t.clock.set(new Date('2026-03-05T11:00:00Z'));
    await issuing.resume();
    await issuingDone(1);
    const issued = (await certificates(id)).find(
      (c: { employee: { id: string } }) => c.employee.id === String(employee.id),
    );
    expect(issued).toMatchObject({ status: 'ACTIVE', source: 'COMPLETION', issuedAt: '2026-03-05T10:00:00.000Z' });
    const evidence = await t.dataSource.query(
      'SELECT course_id FROM certification_courses WHERE certification_id = ?',
      [issued.id],
    );
    expect(evidence).toEqual([{ course_id: basics.course.id }]);
    // s1's cashier still has basics to pass; their CCTV now belongs to the programme that needs it.
    expect(await assignmentOf(s1Employee.id, basics.course.id)).toMatchObject({ status: 'ASSIGNED', programId: id });
    expect(await assignmentOf(s1Employee.id, cctv.course.id)).toMatchObject({
      status: 'ASSIGNED',
      reason: 'RULE',
      programId: other,
    });
    // The manager's assignment stays; the holder's certificate is untouched.
    expect(await assignmentOf(colleague.id, cctv.course.id)).toMatchObject({ status: 'ASSIGNED', reason: 'MANUAL' });
    expect((await certificates(id)).find((c: { id: string }) => c.id === held.id)).toMatchObject({
      expiresAt: held.expiresAt,
      status: 'ACTIVE',
    });
    const [event] = await t.dataSource.query(
      "SELECT `before` AS before_, `after` AS after_ FROM audit_events WHERE action = 'CERTIFICATION_PROGRAM_UPDATED'",
    );
    expect([event.before_.courseIds, event.after_.courseIds]).toEqual([
      [basics.course.id, cctv.course.id],
      [basics.course.id],
    ]);

    // From now on, passing basics is the whole programme.
    const s1Basics = await assignmentOf(s1Employee.id, basics.course.id);
    expect(await passCourse(t.app, t.tokenFor(s1Employee), s1Basics.id, basics)).not.toBeNull();
  });

  it('renews a holder in the renewal window for whom the removed course was all that was left to pass again', async () => {
    const { employee } = chart.people;
    const id = await createProgram({
      courseIds: [basics.course.id, cctv.course.id],
      audience: [{ jobRoleCode: 'CASHIER' }],
    });
    // Expires in about a month: inside the 60-day window, so the planner assigns both courses as refreshers.
    const issuedAt = new Date(t.clock.now().getTime() - 335 * 86_400_000).toISOString();
    const held = (
      await asHr(
        `mutation ($employeeId: ID!, $programId: ID!, $issuedAt: DateTime) {
          grantCertification(employeeId: $employeeId, programId: $programId, issuedAt: $issuedAt) { id expiresAt }
        }`,
        { employeeId: String(employee.id), programId: String(id), issuedAt },
      )
    ).grantCertification;
    await worker.app.get(ReminderPlanning).plan();
    const refresher = await assignmentOf(employee.id, basics.course.id);
    expect(refresher).toMatchObject({ status: 'ASSIGNED', reason: 'REFRESHER' });
    expect(await passCourse(t.app, t.tokenFor(employee), refresher.id, basics)).toBeNull();

    await asHr(UPDATE_PROGRAM, { id, input: { removeCourseIds: [String(cctv.course.id)] } });
    await issuingDone(1);

    expect(await assignmentOf(employee.id, cctv.course.id)).toMatchObject({ status: 'CANCELLED', reason: 'REFRESHER' });
    const cycles = await t.dataSource.query(
      'SELECT id, previous_certification_id, expires_at, current_key FROM certifications WHERE employee_id = ? ORDER BY id',
      [employee.id],
    );
    expect(cycles).toHaveLength(2);
    expect(cycles[1]).toMatchObject({ previous_certification_id: Number(held.id), current_key: id });
    // Renewed from the previous expiry, as the programme dates renewals.
    expect(new Date(cycles[1].expires_at).getTime()).toBeGreaterThan(
      new Date(held.expiresAt).getTime() + 360 * 86_400_000,
    );
  });

  it('refuses to leave a programme without a course, or to add and remove one course at once, and writes nothing', async () => {
    const id = await createProgram({ courseIds: [basics.course.id], audience: [{ jobRoleCode: 'CASHIER' }] });
    const rows = async () => ({
      courses: await t.dataSource.query('SELECT * FROM program_courses ORDER BY program_id, course_id'),
      assignments: await t.dataSource.query('SELECT * FROM assignments ORDER BY id'),
      events: await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events'),
    });
    const before = await rows();
    const refused: [Record<string, unknown>, string][] = [
      [{ removeCourseIds: [String(basics.course.id)] }, 'removeCourseIds'],
      [{ removeCourseIds: [String(basics.course.id)], name: 'Renamed' }, 'removeCourseIds'],
      [{ addCourseIds: [String(cctv.course.id)], removeCourseIds: [String(cctv.course.id)] }, 'removeCourseIds'],
      [{ removeCourseIds: ['abc'] }, 'removeCourseIds'],
    ];
    for (const [input, field] of refused) {
      const response = await graphql(t.app, UPDATE_PROGRAM, { id, input }, t.tokenFor(chart.people.hr));
      expect([input, errorCode(response), response.errors?.[0].extensions?.field]).toEqual([
        input,
        'BAD_USER_INPUT',
        field,
      ]);
    }
    expect(await rows()).toEqual(before);
    expect(await issuing.count()).toBe(0);

    // Replaced in the same change, the last course may go.
    const replaced = await asHr(UPDATE_PROGRAM, {
      id,
      input: { addCourseIds: [String(cctv.course.id)], removeCourseIds: [String(basics.course.id)] },
    });
    expect(replaced.updateCertificationProgram.courses).toEqual([{ id: String(cctv.course.id) }]);
    expect(await assignmentOf(chart.people.employee.id, basics.course.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await assignmentOf(chart.people.employee.id, cctv.course.id)).toMatchObject({ status: 'ASSIGNED' });

    // A course the programme does not require changes nothing.
    const events = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events');
    await issuingDone(1);
    await asHr(UPDATE_PROGRAM, { id, input: { removeCourseIds: [String(basics.course.id)] } });
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events')).toEqual(events);
    await issuingDone(1);
  });

  it('issues nothing twice when the job runs again', async () => {
    const { employee, s1Employee } = chart.people;
    const id = await createProgram({
      courseIds: [basics.course.id, cctv.course.id],
      audience: [{ jobRoleCode: 'CASHIER' }],
    });
    for (const person of [employee, s1Employee]) {
      const { id: assignmentId } = await assignmentOf(person.id, basics.course.id);
      expect(await passCourse(t.app, t.tokenFor(person), assignmentId, basics)).toBeNull();
    }
    await asHr(UPDATE_PROGRAM, { id, input: { removeCourseIds: [String(cctv.course.id)] } });
    await issuingDone(1);
    const [job] = await issuing.getJobs(['completed']);
    expect(job.returnvalue).toEqual({ issued: 2 });
    const written = async () => ({
      certifications: await t.dataSource.query(
        'SELECT id, employee_id, issued_at, expires_at FROM certifications ORDER BY id',
      ),
      evidence: await t.dataSource.query('SELECT * FROM certification_courses ORDER BY certification_id, course_id'),
      events: await t.dataSource.query('SELECT id FROM audit_events ORDER BY id'),
    });
    const first = await written();
    expect(first.certifications.map((c: { employee_id: number }) => c.employee_id).sort()).toEqual(
      [employee.id, s1Employee.id].sort(),
    );

    // Run again, as a retry or a duplicate would: nothing more is written.
    await issuing.add(CertificationJob.IssueAfterCourseRemoval, job.data);
    await issuingDone(2);
    const issued = (await issuing.getJobs(['completed'])).map(
      (done) => (done.returnvalue as { issued: number }).issued,
    );
    expect(issued.sort()).toEqual([0, 2]);
    expect(await written()).toEqual(first);
  });

  it('issues each certificate once when two runs of the job overlap', async () => {
    const { employee, s1Employee } = chart.people;
    const id = await createProgram({
      courseIds: [basics.course.id, cctv.course.id],
      audience: [{ jobRoleCode: 'CASHIER' }],
    });
    for (const person of [employee, s1Employee]) {
      const { id: assignmentId } = await assignmentOf(person.id, basics.course.id);
      expect(await passCourse(t.app, t.tokenFor(person), assignmentId, basics)).toBeNull();
    }
    await issuing.pause();
    await asHr(UPDATE_PROGRAM, { id, input: { removeCourseIds: [String(cctv.course.id)] } });
    const [job] = await issuing.getJobs(['waiting']);

    // As a stalled job taken again by a second worker would: the later run waits on the earlier's locks
    // and finds them certified (or, rolled back in a deadlock, fails and is retried).
    const issuer = worker.app.get(CourseRemovalIssuer);
    const runs = await Promise.allSettled([issuer.issue(job.data), issuer.issue(job.data)]);
    const issued = runs.flatMap((run) => (run.status === 'fulfilled' ? [run.value] : []));
    expect(issued.reduce((sum, n) => sum + n, 0)).toBe(2);
    expect(await issuer.issue(job.data)).toBe(0);
    const holders = await t.dataSource.query(
      'SELECT employee_id, COUNT(*) AS n FROM certifications GROUP BY employee_id ORDER BY employee_id',
    );
    expect(holders).toEqual(
      [employee.id, s1Employee.id].sort((a, b) => a - b).map((employeeId) => ({ employee_id: employeeId, n: 1 })),
    );
  });
});
