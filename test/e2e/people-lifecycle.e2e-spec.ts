import request from 'supertest';
import { EMPLOYEE_CSV_COLUMNS, type EmployeeEntity, EmployeeLifecycle, Role, type StoreEntity } from '@lp/organisation';
import { NotificationSweep } from '@lp/notifications';
import { ReminderPlanning } from '@lp/reminders';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildStore,
  type BuiltCourse,
  eventually,
  graphql,
  lockWaitsOn,
  type TestApp,
  type TestWorker,
  useApiWithWorker,
} from '@lp/testing';

const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const GRANT = `mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id expiresAt } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }`;
const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created } }`;
const CANCEL = `mutation ($id: ID!) { cancelAssignment(id: $id) { status } }`;
const ASSIGNMENTS = `query ($filter: AssignmentFilterInput) {
  assignments(filter: $filter, first: 50) { totalCount edges { node { id status reason dueAt course { id } } } }
}`;
const IMPORT = `mutation ($csv: String!) { importEmployees(csv: $csv) { updated errorCount } }`;
const UPDATE_COURSE = `mutation ($id: ID!, $input: UpdateCourseInput!) { updateCourse(courseId: $id, input: $input) { id } }`;
const NOTIFICATIONS = `query ($filter: NotificationFilterInput) {
  notifications(filter: $filter, first: 50) { edges { node { kind status sendAfter recipient { id } } } }
}`;

interface Row {
  id: string;
  status: string;
  reason: string;
  dueAt: string;
  course: { id: string };
}

/** Holds an employee's change open, once its lifecycle hooks have run, until released. */
interface HeldChange {
  employeeId: number;
  reached: () => void;
  released: Promise<void>;
}

/**
 * People who change while their training is open: a transfer, a new job role, leaving and
 * coming back. What they have to do afterwards must follow what is required of them then.
 */
describe('people changing while their training is open', () => {
  const suite = useApiWithWorker();
  const { smtp } = suite;
  let t: TestApp;
  let worker: TestWorker;
  let store: StoreEntity;
  let hr: EmployeeEntity;
  let core: BuiltCourse;
  let refresher: BuiltCourse;
  let held: HeldChange | undefined;

  beforeAll(async () => {
    ({ t, worker } = suite);
    // Registered after the audience rules' hook: the change has closed the open work by then.
    t.app.get(EmployeeLifecycle).register({
      onChanged: async (_manager, _before, after) => {
        if (held?.employeeId !== after.id) return;
        held.reached();
        await held.released;
      },
    });
  });

  beforeEach(async () => {
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    store = await buildStore(t.dataSource);
    hr = await buildEmployee(t.dataSource, { role: Role.HR, storeId: store.id });
    core = await buildCourse(t.dataSource, { code: 'LPO-CORE' });
    refresher = await buildCourse(t.dataSource, { code: 'LPO-REFRESH' });
  });

  const asHr = async (query: string, variables: Record<string, unknown>) => {
    const response = await graphql(t.app, query, variables, t.tokenFor(hr));
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  /** The LP Officer programme: required of LP officers, 12 months, renewable in the last 60 days. */
  async function createOfficerProgramme(): Promise<number> {
    const input = {
      code: 'LPO',
      name: 'LP Officer',
      courseIds: [core.course.id],
      refresherCourseId: refresher.course.id,
      validityMonths: 12,
      recertifyWindowDays: 60,
      requiredJobRoleCodes: ['LP_OFFICER'],
    };
    return Number((await asHr(CREATE_PROGRAM, { input })).createCertificationProgram.id);
  }

  /** An LP officer certified by HR today (2 March 2026), so until 2 March 2027. */
  async function certifiedOfficer(programId: number): Promise<EmployeeEntity> {
    const officer = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'LP_OFFICER' });
    const granted = await asHr(GRANT, { e: officer.id, p: programId });
    expect(granted.grantCertification.expiresAt).toBe('2027-03-02T09:00:00.000Z');
    return officer;
  }

  const assignmentsOf = async (employee: { id: number }): Promise<Row[]> =>
    (await asHr(ASSIGNMENTS, { filter: { employeeId: employee.id } })).assignments.edges.map(
      (edge: { node: Row }) => edge.node,
    );
  const openWork = async (employee: { id: number }) =>
    (await assignmentsOf(employee)).filter((a) => a.status === 'ASSIGNED' || a.status === 'OVERDUE');
  const openRefreshers = async (employee: { id: number }) =>
    (await assignmentsOf(employee)).filter(
      (a) => a.reason === 'REFRESHER' && (a.status === 'ASSIGNED' || a.status === 'OVERDUE'),
    );
  const plan = () => worker.app.get(ReminderPlanning).plan();
  const sweep = () => worker.app.get(NotificationSweep).sweep();
  const changeJobRole = (employee: { id: number }, jobRoleCode: string) =>
    asHr(UPDATE, { id: employee.id, input: { jobRoleCode } });

  describe('a refresher follows the programme’s audience', () => {
    it('is cancelled when its holder leaves the audience, and assigned again when they come back in the window', async () => {
      const programId = await createOfficerProgramme();
      const officer = await certifiedOfficer(programId);
      t.clock.set(new Date('2027-01-15T09:00:00Z'));
      await plan();
      const [assigned] = await openRefreshers(officer);
      expect(assigned).toMatchObject({ course: { id: String(refresher.course.id) } });

      // Covering the tills for a while: nobody requires LP Officer of a cashier.
      await changeJobRole(officer, 'CASHIER');
      expect((await assignmentsOf(officer)).find((a) => a.id === assigned.id)).toMatchObject({ status: 'CANCELLED' });
      await plan();
      expect(await openRefreshers(officer)).toEqual([]);

      // Back on the LP team inside the renewal window: the certificate is theirs to renew again.
      t.clock.set(new Date('2027-01-25T09:00:00Z'));
      await changeJobRole(officer, 'LP_OFFICER');
      await plan();
      expect(await openRefreshers(officer)).toEqual([
        expect.objectContaining({ course: { id: String(refresher.course.id) } }),
      ]);
    });

    it('is not assigned to a holder who left the audience before the window opened', async () => {
      const programId = await createOfficerProgramme();
      const officer = await certifiedOfficer(programId);
      t.clock.set(new Date('2026-06-01T09:00:00Z'));
      await changeJobRole(officer, 'CASHIER');

      t.clock.set(new Date('2027-01-15T09:00:00Z'));
      await plan();
      expect(await openRefreshers(officer)).toEqual([]);
    });
  });

  describe('a lapsed certificate', () => {
    it('gives its holder the programme’s course again when their manager had cancelled the refresher, and not before', async () => {
      const programId = await createOfficerProgramme();
      const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
      const officer = await certifiedOfficer(programId);
      const cancel = async (id: string) =>
        expect((await graphql(t.app, CANCEL, { id }, t.tokenFor(manager))).errors).toBeUndefined();
      t.clock.set(new Date('2027-01-15T09:00:00Z'));
      await plan();
      const [assigned] = await openRefreshers(officer);
      await cancel(assigned.id);

      // While the certificate is valid, the manager's word stands.
      t.clock.set(new Date('2027-03-01T09:00:00Z'));
      await plan();
      expect(await openWork(officer)).toEqual([]);

      // Lapsed on 2 March: still an LP officer, so the course is theirs to pass again, due as a newcomer's is.
      t.clock.set(new Date('2027-03-03T09:00:00Z'));
      await plan();
      await plan();
      const again = await openWork(officer);
      expect(again).toEqual([
        {
          id: expect.any(String),
          status: 'ASSIGNED',
          reason: 'RULE',
          dueAt: '2027-04-02T22:59:00.000Z',
          course: { id: String(core.course.id) },
        },
      ]);

      // Cancelled by the manager once more, it stays cancelled.
      await cancel(again[0].id);
      t.clock.set(new Date('2027-03-10T09:00:00Z'));
      await plan();
      expect(await openWork(officer)).toEqual([]);
    });

    it('gives nothing more to a lapsed holder who still has their refresher open, or who left the audience', async () => {
      const programId = await createOfficerProgramme();
      const overdue = await certifiedOfficer(programId);
      const moved = await certifiedOfficer(programId);
      t.clock.set(new Date('2027-01-15T09:00:00Z'));
      await plan();
      await changeJobRole(moved, 'CASHIER');

      t.clock.set(new Date('2027-03-03T09:00:00Z'));
      await plan();
      expect((await openWork(overdue)).map((a) => [a.reason, a.course.id])).toEqual([
        ['REFRESHER', String(refresher.course.id)],
      ]);
      expect(await openWork(moved)).toEqual([]);
    });
  });

  describe('leaving the company', () => {
    it('closes the leaver’s open work, so the store lists no overdue work its figures leave out', async () => {
      const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
      const leaver = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
      const assigned = await graphql(
        t.app,
        ASSIGN,
        { input: { courseId: core.course.id, employeeIds: [leaver.id], dueAt: '2026-03-10T00:00:00Z' } },
        t.tokenFor(manager),
      );
      expect(assigned.data!.assignCourse).toEqual({ created: 1 });
      t.clock.set(new Date('2026-03-20T09:00:00Z'));

      await asHr(DEACTIVATE, { id: leaver.id });

      const dashboard = await graphql(
        t.app,
        `
          query ($s: ID!) {
            storeCompliance(storeId: $s) {
              overdueAssignments
            }
            assignments(filter: { storeId: $s, status: OVERDUE }, first: 10) {
              totalCount
            }
          }
        `,
        { s: store.id },
        t.tokenFor(manager),
      );
      expect(dashboard.data).toEqual({ storeCompliance: { overdueAssignments: 0 }, assignments: { totalCount: 0 } });
      expect(await assignmentsOf(leaver)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('lets the store list the certificates to renew of the people its figures count, without the leaver', async () => {
      const programId = await createOfficerProgramme();
      const manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
      const staying = await certifiedOfficer(programId);
      const leaver = await certifiedOfficer(programId);
      await asHr(DEACTIVATE, { id: leaver.id });
      t.clock.set(new Date('2027-01-15T09:00:00Z'));

      const dashboard = await graphql(
        t.app,
        `
          query ($s: ID!) {
            storeCompliance(storeId: $s) {
              programs {
                expiringSoon
              }
            }
            everyone: certifications(filter: { storeId: $s, status: EXPIRING }) {
              totalCount
            }
            working: certifications(filter: { storeId: $s, status: EXPIRING, holderActive: true }) {
              edges {
                node {
                  employee {
                    id
                  }
                }
              }
            }
            leavers: certifications(filter: { storeId: $s, holderActive: false }) {
              edges {
                node {
                  employee {
                    id
                  }
                }
              }
            }
          }
        `,
        { s: store.id },
        t.tokenFor(manager),
      );
      expect(dashboard.errors).toBeUndefined();
      expect(dashboard.data!.storeCompliance.programs).toEqual([{ expiringSoon: 1 }]);
      expect(dashboard.data!.everyone.totalCount).toBe(2);
      expect(dashboard.data!.working.edges).toEqual([{ node: { employee: { id: String(staying.id) } } }]);
      expect(dashboard.data!.leavers.edges).toEqual([{ node: { employee: { id: String(leaver.id) } } }]);

      const csv = await request(t.app.getHttpServer())
        .get(`/reports/certifications.csv?storeId=${store.id}&status=EXPIRING&holderActive=true`)
        .set('authorization', `Bearer ${t.tokenFor(manager)}`);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(staying.employeeNumber);
      expect(csv.text).not.toContain(leaver.employeeNumber);
      const wrong = await request(t.app.getHttpServer())
        .get(`/reports/certifications.csv?holderActive=yes`)
        .set('authorization', `Bearer ${t.tokenFor(manager)}`);
      expect(wrong.status).toBe(400);
    });

    it('leaves no refresher to someone who leaves while the planner is assigning it', async () => {
      const programId = await createOfficerProgramme();
      const leaver = await certifiedOfficer(programId);
      t.clock.set(new Date('2027-01-15T09:00:00Z'));
      let release!: () => void;
      const reached = new Promise<void>((resolve) => {
        held = { employeeId: leaver.id, reached: resolve, released: new Promise((done) => (release = done)) };
      });
      try {
        // The leaving transaction has cancelled the open work and not yet committed when the planner reads
        // the leaver as active; the planner then waits for it to commit before assigning anything.
        const leaving = asHr(DEACTIVATE, { id: leaver.id });
        await reached;
        const planning = plan();
        const waited = await lockWaitsOn(t.dataSource, 'employees');
        release();
        await leaving;
        const planned = await planning;

        expect(await openWork(leaver)).toEqual([]);
        expect(planned.refreshers).toBe(0);
        expect(waited).toBe(true);
      } finally {
        held = undefined;
        release();
      }
    });

    it('gives a holder who comes back inside the renewal window their refresher again', async () => {
      const programId = await createOfficerProgramme();
      const officer = await certifiedOfficer(programId);
      t.clock.set(new Date('2027-01-15T09:00:00Z'));
      await plan();
      expect(await openRefreshers(officer)).toHaveLength(1);

      await asHr(DEACTIVATE, { id: officer.id });
      expect(await openRefreshers(officer)).toEqual([]);

      t.clock.set(new Date('2027-02-01T09:00:00Z'));
      const line = [
        officer.employeeNumber,
        officer.firstName,
        officer.lastName,
        officer.email,
        'LP_OFFICER',
        store.code,
        '',
        '',
      ].join(',');
      const imported = await asHr(IMPORT, { csv: [EMPLOYEE_CSV_COLUMNS.join(','), line].join('\n') });
      expect(imported.importEmployees).toEqual({ updated: 1, errorCount: 0 });
      await plan();
      expect(await openRefreshers(officer)).toEqual([
        expect.objectContaining({ course: { id: String(refresher.course.id) } }),
      ]);
    });
  });

  describe('reminders planned before the change', () => {
    let dana: EmployeeEntity;
    let morgan: EmployeeEntity;

    beforeEach(async () => {
      dana = await buildEmployee(t.dataSource, {
        storeId: store.id,
        firstName: 'Dana',
        lastName: 'Reyes',
        email: 'dana@example.test',
      });
      morgan = await buildEmployee(t.dataSource, {
        storeId: store.id,
        role: Role.STORE_MANAGER,
        firstName: 'Morgan',
        email: 'morgan@example.test',
      });
    });

    const emailTo = (address: string, subjectStart: string) =>
      smtp.messages.find((m) => !Array.isArray(m.to) && m.to?.text === address && m.subject?.startsWith(subjectStart))!;
    const pending = async () =>
      (await asHr(NOTIFICATIONS, { filter: { status: 'PENDING' } })).notifications.edges.map(
        ({ node }: { node: { kind: string; sendAfter: string; recipient: { id: string } } }) => [
          node.kind,
          Number(node.recipient.id),
          node.sendAfter,
        ],
      );

    it('name the course and the employee as they are when the email goes out', async () => {
      // Monday 2 March, 09:00 in London: Dana's course is due tomorrow at noon, the other was
      // due eight days ago, so Morgan hears of it.
      await buildAssignment(t.dataSource, {
        employeeId: dana.id,
        courseId: core.course.id,
        dueAt: new Date('2026-03-03T12:00:00Z'),
      });
      await buildAssignment(t.dataSource, {
        employeeId: dana.id,
        courseId: refresher.course.id,
        dueAt: new Date('2026-02-22T12:00:00Z'),
      });
      await plan();
      expect((await pending()).map(([kind]: [string]) => kind).sort()).toEqual([
        'ASSIGNMENT_DUE',
        'ASSIGNMENT_OVERDUE',
        'ESCALATION',
        'WEEKLY_DIGEST',
      ]);

      // Before they go out, the courses get their catalogue titles and HR corrects Dana's name.
      const admin = await buildEmployee(t.dataSource, { storeId: store.id, role: Role.ADMIN });
      for (const [course, title] of [
        [core.course, 'Spotting till fraud'],
        [refresher.course, 'Refunds and voids'],
      ] as const) {
        const renamed = await graphql(t.app, UPDATE_COURSE, { id: course.id, input: { title } }, t.tokenFor(admin));
        expect(renamed.errors).toBeUndefined();
      }
      await asHr(UPDATE, { id: dana.id, input: { firstName: 'Danielle', lastName: 'Okoro' } });

      t.clock.set(new Date('2026-03-02T12:00:00Z'));
      await sweep();
      await smtp.waitFor(4);
      const due = emailTo('dana@example.test', 'Reminder');
      expect(due.subject).toBe('Reminder: "Spotting till fraud" is due on Tuesday, 3 March 2026');
      expect(due.text).toContain('Hello Danielle,');
      expect(emailTo('dana@example.test', 'Overdue').subject).toBe(
        'Overdue: "Refunds and voids" was due on Sunday, 22 February 2026',
      );
      const escalation = emailTo('morgan@example.test', 'Danielle');
      expect(escalation.subject).toBe('Danielle Okoro is overdue with "Refunds and voids"');
      expect(escalation.text).toContain('Danielle Okoro has not completed the LP Academy course "Refunds and voids"');
    });

    it('follow an employee moved to a store in another time zone: its office hours, its dates, its name', async () => {
      const shibuya = await buildStore(t.dataSource, { name: 'Shibuya', timezone: 'Asia/Tokyo' });
      // Due on Wednesday at 15:00 in London: the one-day reminder from the start of Tuesday
      // there, at 09:00 in London, 18:00 in Tokyo.
      await buildAssignment(t.dataSource, {
        employeeId: dana.id,
        courseId: core.course.id,
        dueAt: new Date('2026-03-04T15:00:00Z'),
      });
      await plan();
      expect((await pending()).sort()).toEqual(
        [
          ['ASSIGNMENT_DUE', dana.id, '2026-03-03T09:00:00.000Z'],
          ['WEEKLY_DIGEST', morgan.id, '2026-03-02T09:00:00.000Z'],
        ].sort(),
      );

      // Dana and Morgan, who will run Shibuya now, move to Tokyo before either email goes out.
      await asHr(UPDATE, { id: dana.id, input: { storeId: shibuya.id } });
      await asHr(UPDATE, { id: morgan.id, input: { storeId: shibuya.id } });

      // The course falls due at 00:00 on Thursday in Tokyo: the one-day reminder waits for
      // Wednesday 09:00 there; the digest (now: 18:00 in Tokyo, after hours) for Tuesday 09:00.
      expect((await pending()).sort()).toEqual(
        [
          ['ASSIGNMENT_DUE', dana.id, '2026-03-04T00:00:00.000Z'],
          ['WEEKLY_DIGEST', morgan.id, '2026-03-03T00:00:00.000Z'],
        ].sort(),
      );
      // The reminder still stops being worth sending when the course falls due.
      expect(
        await t.dataSource.query('SELECT expires_at FROM notifications WHERE recipient_id = ?', [dana.id]),
      ).toEqual([{ expires_at: new Date('2026-03-04T15:00:00Z') }]);
      t.clock.set(new Date('2026-03-02T15:00:00Z'));
      expect(await sweep()).toMatchObject({ queued: 0 });

      t.clock.set(new Date('2026-03-03T00:00:00Z'));
      expect(await sweep()).toMatchObject({ queued: 1 });
      await smtp.waitFor(1);
      t.clock.set(new Date('2026-03-04T00:00:00Z'));
      expect(await sweep()).toMatchObject({ queued: 1 });
      await smtp.waitFor(2);
      const reminder = emailTo('dana@example.test', 'Reminder');
      expect(reminder.subject).toMatch(/is due on Thursday, 5 March 2026$/);
      expect(reminder.text).toContain('is due on Thursday, 5 March 2026 at 00:00 Tokyo time (1 day(s) from now)');
      expect(reminder.text).toContain('LP Academy · Shibuya');
      expect(emailTo('morgan@example.test', 'Your LP Academy week').text).toContain(
        "Here is this week's LP Academy summary for Shibuya.",
      );
      await eventually(async () => expect(await pending()).toEqual([]));
    });

    it('wait for their day in the new zone when the employee moves west, not a day early', async () => {
      const santaMonica = await buildStore(t.dataSource, { name: 'Santa Monica', timezone: 'America/Los_Angeles' });
      // Due at the end of Wednesday 4 March in London: the one-day reminder from the start of
      // Tuesday there, 16:00 on Monday in Los Angeles.
      await buildAssignment(t.dataSource, {
        employeeId: dana.id,
        courseId: core.course.id,
        dueAt: new Date('2026-03-04T23:59:00Z'),
      });
      await plan();
      expect(await pending()).toContainEqual(['ASSIGNMENT_DUE', dana.id, '2026-03-03T09:00:00.000Z']);

      await asHr(UPDATE, { id: dana.id, input: { storeId: santaMonica.id } });

      // Due on Wednesday at 15:59 in Los Angeles: the day before is Tuesday there, from 09:00.
      expect(await pending()).toContainEqual(['ASSIGNMENT_DUE', dana.id, '2026-03-03T17:00:00.000Z']);
      // 16:30 on Monday in Los Angeles: only Morgan's digest goes.
      t.clock.set(new Date('2026-03-03T00:30:00Z'));
      expect(await sweep()).toMatchObject({ queued: 1 });
      await smtp.waitFor(1);
      expect(emailTo('dana@example.test', 'Reminder')).toBeUndefined();
      t.clock.set(new Date('2026-03-03T17:00:00Z'));
      expect(await sweep()).toMatchObject({ queued: 1 });
      await smtp.waitFor(2);
      expect(emailTo('dana@example.test', 'Reminder').text).toContain(
        'is due on Wednesday, 4 March 2026 at 15:59 Los Angeles time (1 day(s) from now)',
      );
    });

    it('follow many people moved by one import across time zones and audiences, as each moved alone', async () => {
      const shibuya = await buildStore(t.dataSource, { name: 'Shibuya', timezone: 'Asia/Tokyo' });
      const santaMonica = await buildStore(t.dataSource, { name: 'Santa Monica', timezone: 'America/Los_Angeles' });
      await createOfficerProgramme();
      // LP officers leave the programme's audience for Tokyo, cashiers join it in Los Angeles,
      // sales associates move to one or the other: enough of each for several statements' ids.
      const people = [
        ...Array.from({ length: 520 }, (_, i) => ({ n: `OFF-${i}`, from: 'LP_OFFICER', to: 'CASHIER', at: shibuya })),
        ...Array.from({ length: 100 }, (_, i) => ({
          n: `CSH-${i}`,
          from: 'CASHIER',
          to: 'LP_OFFICER',
          at: santaMonica,
        })),
        ...Array.from({ length: 600 }, (_, i) => ({
          n: `ASC-${i}`,
          from: 'SALES_ASSOCIATE',
          to: 'SALES_ASSOCIATE',
          at: i % 2 === 0 ? shibuya : santaMonica,
        })),
      ];
      const csvOf = (lines: string[]) => [EMPLOYEE_CSV_COLUMNS.join(','), ...lines].join('\n');
      const lineOf = (n: string, jobRole: string, storeCode: string) =>
        [n, 'Alex', n, `${n.toLowerCase()}@example.test`, jobRole, storeCode, '', ''].join(',');
      const hired = await asHr(IMPORT, { csv: csvOf(people.map((p) => lineOf(p.n, p.from, store.code))) });
      expect(hired.importEmployees).toEqual({ updated: 0, errorCount: 0 });
      // The officers' programme course falls due in 30 days; the others' course on Tuesday at
      // 15:00 in London, so its one-day reminder goes on Monday, the day before, from 09:00 there.
      const assigned = await asHr(ASSIGN, {
        input: {
          courseId: refresher.course.id,
          storeId: store.id,
          jobRoleCodes: ['SALES_ASSOCIATE'],
          dueAt: '2026-03-03T15:00:00Z',
        },
      });
      expect(assigned.assignCourse).toEqual({ created: 603 }); // and to HR, Dana and Morgan
      await plan();

      // One of each kind moved alone, as HR edits one person; the others by one import.
      const alone = ['OFF-0', 'CSH-0', 'ASC-0', 'ASC-1'];
      const ids = new Map<string, number>(
        (await t.dataSource.query("SELECT id, employee_number FROM employees WHERE employee_number LIKE '%-%'")).map(
          (row: { id: number; employee_number: string }) => [row.employee_number, row.id],
        ),
      );
      for (const p of people.filter((p) => alone.includes(p.n))) {
        await asHr(UPDATE, { id: ids.get(p.n), input: { jobRoleCode: p.to, storeId: p.at.id } });
      }
      const moved = people.filter((p) => !alone.includes(p.n)).map((p) => lineOf(p.n, p.to, p.at.code));
      const imported = await asHr(IMPORT, { csv: csvOf(moved) });
      expect(imported.importEmployees).toEqual({ updated: 1216, errorCount: 0 });

      const work = (await t.dataSource.query(
        `SELECT a.employee_id AS who, c.code AS course, a.status, a.reason, a.due_at AS dueAt
           FROM assignments a JOIN courses c ON c.id = a.course_id ORDER BY c.code, a.status`,
      )) as { who: number }[];
      const reminders = (await t.dataSource.query(
        `SELECT recipient_id AS who, kind, offset_key AS offsetKey, status, send_after AS sendAfter,
                queue_after AS queueAfter, last_error AS lastError
           FROM notifications ORDER BY kind, offset_key`,
      )) as { who: number }[];
      const outcomeOf = (who: number) => ({
        work: work.filter((row) => row.who === who).map(({ who: _, ...row }) => row),
        reminders: reminders.filter((row) => row.who === who).map(({ who: _, ...row }) => row),
      });
      // Everyone moved by the import ends as the one of their kind moved alone.
      for (const [kind, one] of [
        ['OFF-', 'OFF-0'],
        ['CSH-', 'CSH-0'],
        ['ASC-', 'ASC-0'],
        ['ASC-', 'ASC-1'],
      ]) {
        const like = people.filter((p) => p.n.startsWith(kind) && p.at === people.find((q) => q.n === one)!.at);
        const outcomes = new Set(like.map((p) => JSON.stringify(outcomeOf(ids.get(p.n)!))));
        expect([...outcomes]).toEqual([JSON.stringify(outcomeOf(ids.get(one)!))]);
      }
      const reminder = (status: string, sendAfter: string, lastError: string | null = null) => ({
        kind: 'ASSIGNMENT_DUE',
        status,
        sendAfter: new Date(sendAfter),
        queueAfter: new Date(sendAfter),
        lastError,
      });
      // Out of the audience: the programme's course and its reminder cancelled.
      expect(outcomeOf(ids.get('OFF-0')!)).toEqual({
        work: [
          { course: 'LPO-CORE', status: 'CANCELLED', reason: 'ONBOARDING', dueAt: new Date('2026-04-01T22:59:00Z') },
        ],
        reminders: [
          {
            ...reminder('CANCELLED', '2026-03-02T09:00:00Z', 'Not sent: the assignment was cancelled'),
            offsetKey: 'D30@2026-04-01',
          },
        ],
      });
      // Into it: the programme's course, due as a newcomer's, at the end of the 30th day in Los Angeles.
      expect(outcomeOf(ids.get('CSH-0')!)).toEqual({
        work: [{ course: 'LPO-CORE', status: 'ASSIGNED', reason: 'RULE', dueAt: new Date('2026-04-02T06:59:00Z') }],
        reminders: [],
      });
      // 09:00 in London is 18:00 in Tokyo and 01:00 in Los Angeles: each waits for 09:00 there.
      const associate = (sendAfter: string) => ({
        work: [
          { course: 'LPO-REFRESH', status: 'ASSIGNED', reason: 'MANUAL', dueAt: new Date('2026-03-03T15:00:00Z') },
        ],
        reminders: [{ ...reminder('PENDING', sendAfter), offsetKey: 'D1@2026-03-03' }],
      });
      expect(outcomeOf(ids.get('ASC-0')!)).toEqual(associate('2026-03-03T00:00:00Z'));
      expect(outcomeOf(ids.get('ASC-1')!)).toEqual(associate('2026-03-02T17:00:00Z'));
      // Who stayed keeps London's hours.
      expect(outcomeOf(dana.id)).toEqual(associate('2026-03-02T09:00:00Z'));
    }, 60_000);

    it('bring a reminder forward when the new store is already open at its moment', async () => {
      const soho = await buildStore(t.dataSource, { name: 'New York Soho', timezone: 'America/New_York' });
      await asHr(UPDATE, { id: dana.id, input: { storeId: soho.id } });
      // Due on Wednesday at 12:00 UTC: the one-day reminder is due from the start of Tuesday
      // in New York (05:00 UTC), so it waits for 09:00 there; in London it may go at 09:00.
      await buildAssignment(t.dataSource, {
        employeeId: dana.id,
        courseId: core.course.id,
        dueAt: new Date('2026-03-04T12:00:00Z'),
      });
      await plan();
      expect(await pending()).toContainEqual(['ASSIGNMENT_DUE', dana.id, '2026-03-03T14:00:00.000Z']);

      // Back in London by a CSV import.
      const line = [dana.employeeNumber, 'Dana', 'Reyes', dana.email, 'SALES_ASSOCIATE', store.code, '', ''].join(',');
      const imported = await asHr(IMPORT, { csv: [EMPLOYEE_CSV_COLUMNS.join(','), line].join('\n') });
      expect(imported.importEmployees).toEqual({ updated: 1, errorCount: 0 });
      expect(await pending()).toContainEqual(['ASSIGNMENT_DUE', dana.id, '2026-03-03T09:00:00.000Z']);
    });
  });
});
