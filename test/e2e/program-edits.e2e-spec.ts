import { ReminderPlanning } from '@lp/reminders';
import {
  buildCourse,
  buildOrgChart,
  errorCode,
  graphql,
  type OrgChart,
  type TestApp,
  type TestWorker,
  useApiWithWorker,
} from '@lp/testing';

const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const UPDATE_PROGRAM = `mutation ($id: ID!, $input: UpdateCertificationProgramInput!) {
  updateCertificationProgram(id: $id, input: $input) {
    id code name description validityMonths recertifyWindowDays reminderOffsetsDays renewalBasis fixedExpiryDate
    onboardingDays
  }
}`;
const GRANT = `mutation ($employeeId: ID!, $programId: ID!, $issuedAt: DateTime) {
  grantCertification(employeeId: $employeeId, programId: $programId, issuedAt: $issuedAt) { id expiresAt }
}`;
const DAY = 86_400_000;

/** HR runs certification programmes: a programme's settings and audience change after it is created. */
describe('changing a certification programme', () => {
  const suite = useApiWithWorker();
  let t: TestApp;
  let worker: TestWorker;
  let chart: OrgChart;
  let courseId: number;

  beforeAll(() => {
    ({ t, worker } = suite);
  });

  beforeEach(async () => {
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    chart = await buildOrgChart(t.dataSource);
    courseId = (await buildCourse(t.dataSource)).course.id;
  });

  const asHr = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(chart.people.hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const createProgram = async (input: Record<string, unknown> = {}): Promise<number> =>
    Number(
      (
        await asHr(CREATE_PROGRAM, {
          input: {
            code: 'LPE',
            name: 'LP Essentials',
            courseIds: [courseId],
            validityMonths: 12,
            recertifyWindowDays: 60,
            ...input,
          },
        })
      ).createCertificationProgram.id,
    );
  const programEvents = () =>
    t.dataSource.query(
      "SELECT `before` AS before_, `after` AS after_ FROM audit_events WHERE action = 'CERTIFICATION_PROGRAM_UPDATED' ORDER BY id",
    );
  const openWork = async (programId: number) =>
    (
      (await t.dataSource.query(
        "SELECT id, employee_id, course_id, reason FROM assignments WHERE program_id = ? AND status IN ('ASSIGNED', 'IN_PROGRESS') ORDER BY employee_id, course_id",
        [programId],
      )) as { id: number; employee_id: number; course_id: number; reason: string }[]
    ).map((row) => ({
      id: Number(row.id),
      employeeId: Number(row.employee_id),
      courseId: Number(row.course_id),
      reason: row.reason,
    }));

  it('changes the settings, audits the change, and dates only the cycles issued from then on by the new validity', async () => {
    const id = await createProgram();
    const first = (await asHr(GRANT, { employeeId: chart.people.colleague.id, programId: id })).grantCertification;

    const { updateCertificationProgram } = await asHr(UPDATE_PROGRAM, {
      id,
      input: {
        name: 'LP Essentials 2026',
        description: 'Theft, fraud and safety basics',
        validityMonths: 24,
        recertifyWindowDays: 30,
        reminderOffsetsDays: [3, 21],
        onboardingDays: 45,
      },
    });
    expect(updateCertificationProgram).toEqual({
      id: String(id),
      code: 'LPE',
      name: 'LP Essentials 2026',
      description: 'Theft, fraud and safety basics',
      validityMonths: 24,
      recertifyWindowDays: 30,
      reminderOffsetsDays: [21, 3],
      renewalBasis: 'PREVIOUS_EXPIRY',
      fixedExpiryDate: null,
      onboardingDays: 45,
    });
    const [event] = await programEvents();
    expect(event.before_).toMatchObject({ name: 'LP Essentials', validityMonths: 12, audience: [] });
    expect(event.after_).toMatchObject({ name: 'LP Essentials 2026', validityMonths: 24 });

    // The certificate already issued keeps its expiry; the next one runs for 24 months, a year past it.
    const certificates = await asHr(
      `{ certifications(filter: { programId: "${id}" }) { edges { node { id expiresAt } } } }`,
    );
    expect(certificates.certifications.edges.map((edge: { node: unknown }) => edge.node)).toEqual([first]);
    const second = (await asHr(GRANT, { employeeId: chart.people.n2Employee.id, programId: id })).grantCertification;
    expect(new Date(second.expiresAt).getTime()).toBeGreaterThan(new Date(first.expiresAt).getTime() + 360 * DAY);

    // A fixed renewal date comes with FIXED_DATE; another basis drops it. A null description clears it.
    const fixed = await asHr(UPDATE_PROGRAM, { id, input: { renewalBasis: 'FIXED_DATE', fixedExpiryDate: '04-01' } });
    expect(fixed.updateCertificationProgram).toMatchObject({ renewalBasis: 'FIXED_DATE', fixedExpiryDate: '04-01' });
    const back = await asHr(UPDATE_PROGRAM, { id, input: { renewalBasis: 'COMPLETION', description: null } });
    expect(back.updateCertificationProgram).toMatchObject({
      renewalBasis: 'COMPLETION',
      fixedExpiryDate: null,
      description: null,
    });

    // Nothing to change: nothing written, nothing audited.
    await asHr(UPDATE_PROGRAM, { id, input: { name: 'LP Essentials 2026', reminderOffsetsDays: [21, 3] } });
    expect(await programEvents()).toHaveLength(3);
  });

  it('refuses a bad change with a clear code and writes nothing', async () => {
    const id = await createProgram();
    await createProgram({ code: 'LPA', name: 'LP Advanced' });
    // A course none of whose versions is published.
    const draftCourseId = (await buildCourse(t.dataSource)).course.id;
    await t.dataSource.query('UPDATE courses SET current_version_id = NULL WHERE id = ?', [draftCourseId]);
    const rows = async () => ({
      programs: await t.dataSource.query('SELECT * FROM certification_programs ORDER BY id'),
      courses: await t.dataSource.query('SELECT * FROM program_courses ORDER BY program_id, course_id'),
      audiences: await t.dataSource.query('SELECT * FROM program_audiences ORDER BY id'),
      assignments: await t.dataSource.query('SELECT * FROM assignments ORDER BY id'),
      events: await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events'),
    });
    const before = await rows();
    const cases: [string, Record<string, unknown>, string][] = [
      ['hr', { id: '4000000000', input: { name: 'X' } }, 'NOT_FOUND'],
      ['hr', { id: 'abc', input: { name: 'X' } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { name: 'lp advanced' } }, 'CONFLICT'],
      ['hr', { id, input: { name: null } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { name: ' ' } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { refresherCourseId: '4000000' } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { addCourseIds: ['4000000'] } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { addCourseIds: [draftCourseId] } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { reminderOffsetsDays: [7, 0] } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { reminderOffsetsDays: [400] } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { validityMonths: 1, reminderOffsetsDays: [30] } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { validityMonths: 2 } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { validityMonths: null } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { renewalBasis: 'FIXED_DATE' } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { fixedExpiryDate: '04-01' } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { renewalBasis: 'FIXED_DATE', fixedExpiryDate: '02-30' } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { audience: [{ jobRoleCode: 'ASTRONAUT' }] } }, 'BAD_USER_INPUT'],
      ['hr', { id, input: { audience: [{ jobRoleCode: 'CASHIER', storeId: '4000000' }] } }, 'BAD_USER_INPUT'],
      [
        'hr',
        {
          id,
          input: {
            audience: [{ jobRoleCode: 'CASHIER', storeId: chart.stores.s1.id, regionId: chart.regions.north.id }],
          },
        },
        'BAD_USER_INPUT',
      ],
      ['manager', { id, input: { name: 'Mine' } }, 'FORBIDDEN'],
      ['employee', { id, input: { name: 'Mine' } }, 'FORBIDDEN'],
    ];
    for (const [who, variables, code] of cases) {
      const response = await graphql(t.app, UPDATE_PROGRAM, variables, t.tokenFor(chart.people[who as 'hr']));
      expect([who, variables, errorCode(response)]).toEqual([who, variables, code]);
    }
    expect(await rows()).toEqual(before);
  });

  it('keeps programme names apart as the database compares them, on create as on update, and writes nothing when refused', async () => {
    await createProgram();
    const rows = async () => ({
      programs: await t.dataSource.query('SELECT * FROM certification_programs ORDER BY id'),
      courses: await t.dataSource.query('SELECT * FROM program_courses ORDER BY program_id, course_id'),
      assignments: await t.dataSource.query('SELECT * FROM assignments ORDER BY id'),
      events: await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events'),
    });
    const before = await rows();
    for (const name of ['LP Essentials', 'lp essentials', ' LP ESSENTIALS ', 'LP Éssentials']) {
      const response = await graphql(
        t.app,
        CREATE_PROGRAM,
        {
          input: {
            code: 'LPX',
            name,
            courseIds: [courseId],
            validityMonths: 12,
            recertifyWindowDays: 60,
            requiredJobRoleCodes: ['CASHIER'],
          },
        },
        t.tokenFor(chart.people.hr),
      );
      expect([name, errorCode(response), response.errors?.[0].message]).toEqual([
        name,
        'CONFLICT',
        `A programme named ${name.trim()} already exists`,
      ]);
    }
    expect(await rows()).toEqual(before);

    const other = await createProgram({ code: 'LPX', name: 'LP Extra' });
    const renamed = await graphql(
      t.app,
      UPDATE_PROGRAM,
      { id: other, input: { name: 'LP ESSENTIALS' } },
      t.tokenFor(chart.people.hr),
    );
    expect(errorCode(renamed)).toBe('CONFLICT');
  });

  it('takes reminder offsets as a set, on create as on update: each day once, latest first', async () => {
    const id = await createProgram({ reminderOffsetsDays: [7, 14, 7] });
    const offsets = async () =>
      (await asHr('{ certificationPrograms { reminderOffsetsDays } }')).certificationPrograms[0].reminderOffsetsDays;
    expect(await offsets()).toEqual([14, 7]);

    const { updateCertificationProgram } = await asHr(UPDATE_PROGRAM, {
      id,
      input: { reminderOffsetsDays: [3, 21, 3] },
    });
    expect(updateCertificationProgram.reminderOffsetsDays).toEqual([21, 3]);
    // The same set again is nothing to change.
    await asHr(UPDATE_PROGRAM, { id, input: { reminderOffsetsDays: [21, 3, 21] } });
    expect(await programEvents()).toHaveLength(1);
  });

  it('replaces the audience rules: the newly required get the courses, the no longer required lose the rule-made work', async () => {
    const { colleague, n2Employee, employee, s1Employee } = chart.people;
    const id = await createProgram({
      audience: [{ jobRoleCode: 'SALES_ASSOCIATE', regionId: chart.regions.north.id }],
    });
    const before = await openWork(id);
    expect(before.map((a) => [a.employeeId, a.reason])).toEqual([
      [colleague.id, 'RULE'],
      [n2Employee.id, 'RULE'],
    ]);

    await asHr(UPDATE_PROGRAM, {
      id,
      input: {
        audience: [{ jobRoleCode: 'SALES_ASSOCIATE', storeId: chart.stores.n2.id }, { jobRoleCode: 'cashier' }],
      },
    });
    const after = await openWork(id);
    expect(after.map((a) => [a.employeeId, a.reason])).toEqual([
      [employee.id, 'RULE'],
      [n2Employee.id, 'RULE'],
      [s1Employee.id, 'RULE'],
    ]);
    // Still required: the same assignment, progress and all.
    expect(after.find((a) => a.employeeId === n2Employee.id)!.id).toBe(before[1].id);
    const [cancelled] = await t.dataSource.query('SELECT status, cancelled_by_id FROM assignments WHERE id = ?', [
      before[0].id,
    ]);
    expect(cancelled).toEqual({ status: 'CANCELLED', cancelled_by_id: null });
    const programs = await asHr('{ certificationPrograms { id audience { jobRoleCode storeId regionId } } }');
    expect(programs.certificationPrograms).toEqual([
      {
        id: String(id),
        audience: [
          { jobRoleCode: 'SALES_ASSOCIATE', storeId: String(chart.stores.n2.id), regionId: null },
          { jobRoleCode: 'CASHIER', storeId: null, regionId: null },
        ],
      },
    ]);
    const [event] = await programEvents();
    expect(event.before_.audience).toHaveLength(1);
    expect(event.after_.audience).toHaveLength(2);

    // No rules left: the programme requires nobody in particular, and its rule-made work goes.
    await asHr(UPDATE_PROGRAM, { id, input: { audience: [] } });
    expect(await openWork(id)).toEqual([]);
  });

  it('cancels the reminders pending at dropped offsets; the worker plans the new offsets from then on', async () => {
    const { colleague, employee, s1Employee } = chart.people;
    // Cashiers' courses are due in 14 days; the colleague's certificate expires in 7.
    const id = await createProgram({ onboardingDays: 14, audience: [{ jobRoleCode: 'CASHIER' }] });
    const granted = (
      await asHr(GRANT, {
        employeeId: colleague.id,
        programId: id,
        issuedAt: new Date(t.clock.now().getTime() - 358 * DAY).toISOString(),
      })
    ).grantCertification;
    const expiresAt = new Date(granted.expiresAt);
    t.clock.set(new Date(expiresAt.getTime() - 7 * DAY));
    const planning = worker.app.get(ReminderPlanning);
    await planning.plan();
    const reminders = async () =>
      (
        (await t.dataSource.query(
          `SELECT recipient_id, kind, offset_key, status FROM notifications
            WHERE kind IN ('ASSIGNMENT_DUE', 'CERTIFICATION_EXPIRING') ORDER BY id`,
        )) as { recipient_id: number; kind: string; offset_key: string; status: string }[]
      ).map((row) => [Number(row.recipient_id), row.kind, row.offset_key.split('@')[0], row.status]);
    const planned = [
      [employee.id, 'ASSIGNMENT_DUE', 'D14', 'PENDING'],
      [s1Employee.id, 'ASSIGNMENT_DUE', 'D14', 'PENDING'],
      [colleague.id, 'CERTIFICATION_EXPIRING', 'D7', 'PENDING'],
    ];
    expect((await reminders()).sort()).toEqual(planned.sort());

    // A change that keeps the offsets keeps what they planned.
    await asHr(UPDATE_PROGRAM, { id, input: { name: 'LP Essentials 2026', reminderOffsetsDays: [30, 14, 7, 1] } });
    expect((await reminders()).sort()).toEqual(planned.sort());

    await asHr(UPDATE_PROGRAM, { id, input: { reminderOffsetsDays: [10, 3] } });
    expect((await reminders()).sort()).toEqual(planned.map((r) => [...r.slice(0, 3), 'CANCELLED']).sort());
    const [reason] = await t.dataSource.query(
      "SELECT DISTINCT last_error FROM notifications WHERE status = 'CANCELLED'",
    );
    expect(reason.last_error).toBe('Not sent: the programme no longer reminds at this offset');

    // Four days on: the courses are due in 10 days, the certificate expires in 3.
    t.clock.set(new Date(expiresAt.getTime() - 3 * DAY));
    await planning.plan();
    expect((await reminders()).filter((r) => r[3] === 'PENDING').sort()).toEqual(
      [
        [employee.id, 'ASSIGNMENT_DUE', 'D10', 'PENDING'],
        [s1Employee.id, 'ASSIGNMENT_DUE', 'D10', 'PENDING'],
        [colleague.id, 'CERTIFICATION_EXPIRING', 'D3', 'PENDING'],
      ].sort(),
    );
  });

  it('replaces the refresher course: open refreshers of the old one are cancelled, the worker assigns the new one', async () => {
    const { employee } = chart.people;
    const oldRefresher = (await buildCourse(t.dataSource)).course.id;
    const newRefresher = (await buildCourse(t.dataSource)).course.id;
    const id = await createProgram({ refresherCourseId: oldRefresher, audience: [{ jobRoleCode: 'CASHIER' }] });
    // In the renewal window: expires in about a month.
    await asHr(GRANT, {
      employeeId: employee.id,
      programId: id,
      issuedAt: new Date(t.clock.now().getTime() - 335 * DAY).toISOString(),
    });
    const refreshers = async () =>
      (await openWork(id)).filter((a) => a.reason === 'REFRESHER').map((a) => [a.employeeId, a.courseId]);
    const planning = worker.app.get(ReminderPlanning);
    await planning.plan();
    expect(await refreshers()).toEqual([[employee.id, oldRefresher]]);

    await asHr(UPDATE_PROGRAM, { id, input: { refresherCourseId: newRefresher } });
    expect(await refreshers()).toEqual([]);
    await planning.plan();
    expect(await refreshers()).toEqual([[employee.id, newRefresher]]);
  });

  it('adds a course: holders keep their certificates, the people working toward one get the new course', async () => {
    const { employee, s1Employee } = chart.people;
    const id = await createProgram({ audience: [{ jobRoleCode: 'CASHIER' }] });
    const certificate = (await asHr(GRANT, { employeeId: employee.id, programId: id })).grantCertification;
    const added = (await buildCourse(t.dataSource)).course.id;

    const { updateCertificationProgram } = await asHr(
      `mutation ($id: ID!, $input: UpdateCertificationProgramInput!) {
        updateCertificationProgram(id: $id, input: $input) { courses { id } }
      }`,
      { id, input: { addCourseIds: [added, courseId] } },
    );
    expect(updateCertificationProgram.courses).toEqual([{ id: String(courseId) }, { id: String(added) }]);
    expect((await openWork(id)).map((a) => [a.employeeId, a.courseId])).toEqual([
      [s1Employee.id, courseId],
      [s1Employee.id, added],
    ]);
    const held = await asHr(
      `{ certifications(filter: { programId: "${id}" }) { edges { node { id expiresAt status } } } }`,
    );
    expect(held.certifications.edges).toEqual([{ node: { ...certificate, status: 'ACTIVE' } }]);
    const [event] = await programEvents();
    expect([event.before_.courseIds, event.after_.courseIds]).toEqual([[courseId], [courseId, added]]);

    // Required already: nothing to change.
    await asHr(UPDATE_PROGRAM, { id, input: { addCourseIds: [added] } });
    expect(await programEvents()).toHaveLength(1);
  });

  it('adds a course and narrows the audience in one change without assigning the course to those who leave', async () => {
    const { colleague, n2Employee } = chart.people;
    const id = await createProgram({
      audience: [{ jobRoleCode: 'SALES_ASSOCIATE', regionId: chart.regions.north.id }],
    });
    const added = (await buildCourse(t.dataSource)).course.id;

    await asHr(UPDATE_PROGRAM, {
      id,
      input: { addCourseIds: [added], audience: [{ jobRoleCode: 'SALES_ASSOCIATE', storeId: chart.stores.n2.id }] },
    });
    expect((await openWork(id)).map((a) => [a.employeeId, a.courseId])).toEqual([
      [n2Employee.id, courseId],
      [n2Employee.id, added],
    ]);
    // The one who left the audience never had the added course, not even cancelled.
    expect(
      await t.dataSource.query('SELECT status FROM assignments WHERE employee_id = ? AND course_id = ?', [
        colleague.id,
        added,
      ]),
    ).toEqual([]);
  });
});
