import { Role } from '@lp/organisation';
import {
  asDeadlockVictim,
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgramAssignment,
  createTestApp,
  deactivationCycle,
  errorCode,
  graphql,
  type TestApp,
} from '@lp/testing';

const EMPLOYEES = '{ employees(first: 5) { totalCount } }';

describe('when the database drops its connections mid-flight', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    token = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
  });
  afterAll(() => t.close());

  it('answers with a clear error at worst, and the next request works again', async () => {
    expect((await graphql(t.app, EMPLOYEES, {}, token)).data!.employees.totalCount).toBe(1);
    // Kill every connection of this test database's pool from the outside, as a failover would.
    const killer = t.dataSource.createQueryRunner();
    const own = Number((await killer.query('SELECT CONNECTION_ID() AS id'))[0].id);
    const victims = (await killer.query(
      'SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> ?',
      [own],
    )) as { id: number }[];
    for (const { id } of victims) await killer.query(`KILL ${Number(id)}`).catch(() => undefined);
    await killer.release();

    const during = await graphql(t.app, EMPLOYEES, {}, token);
    if (during.errors) {
      expect(errorCode(during)).toBe('INTERNAL_SERVER_ERROR');
      expect(during.errors[0].extensions!.errorId).toBeDefined();
      expect(JSON.stringify(during.errors)).not.toMatch(/ECONNRESET|PROTOCOL|at .*\.js/);
    }
    const after = await graphql(t.app, EMPLOYEES, {}, token);
    expect(after.data!.employees.totalCount).toBe(1);
  });
});

describe('when InnoDB breaks a deadlock around a manager’s request', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
  });
  afterAll(() => t.close());

  it('runs a cancellation it rolled back again, whole, and answers as if nothing happened', async () => {
    const hr = await buildEmployee(t.dataSource, { role: Role.HR });
    const learner = await buildEmployee(t.dataSource);
    const { course } = await buildCourse(t.dataSource);
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: course.id });
    await t.dataSource.query(
      `INSERT INTO notifications (kind, recipient_id, subject_type, subject_id, offset_key, planned_at, send_after,
                                  expires_at, queue_after, status, created_at)
       VALUES ('ASSIGNMENT_DUE', ?, 'ASSIGNMENT', ?, 'D7', NOW(3), NOW(3), NOW(3) + INTERVAL 1 DAY, NOW(3), 'PENDING', NOW(3))`,
      [learner.id, assignment.id],
    );

    // Another transaction (a planner, a sweep) holds the reminder the cancellation will wait
    // for, then asks for the assignment, which the waiting cancellation holds.
    const result = await asDeadlockVictim(
      t.dataSource,
      {
        hold: [
          "SELECT id FROM notifications WHERE subject_type = 'ASSIGNMENT' AND subject_id = ? FOR UPDATE",
          [assignment.id],
        ],
        waitsOn: 'notifications',
        closeCycle: ['SELECT id FROM assignments WHERE id = ? FOR UPDATE', [assignment.id]],
      },
      () =>
        graphql(
          t.app,
          'mutation ($id: ID!) { cancelAssignment(id: $id) { id status } }',
          { id: String(assignment.id) },
          t.tokenFor(hr),
        ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.cancelAssignment).toEqual({ id: String(assignment.id), status: 'CANCELLED' });
    const [reminder] = (await t.dataSource.query('SELECT status FROM notifications WHERE subject_id = ?', [
      assignment.id,
    ])) as { status: string }[];
    expect(reminder.status).toBe('CANCELLED');
    const audited = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'ASSIGNMENT_CANCELLED' AND subject_id = ?",
      [String(assignment.id)],
    )) as { n: string }[];
    expect(Number(audited[0].n)).toBe(1);
  });

  it('runs a deactivation it rolled back again, whole, and records it once', async () => {
    const hr = await buildEmployee(t.dataSource, { role: Role.HR });
    const leaver = await buildEmployee(t.dataSource);
    const assignment = await buildProgramAssignment(t.dataSource, leaver.id);

    const result = await asDeadlockVictim(t.dataSource, deactivationCycle(leaver.id, assignment.id), () =>
      graphql(
        t.app,
        'mutation ($id: ID!) { deactivateEmployee(id: $id) { id active } }',
        { id: String(leaver.id) },
        t.tokenFor(hr),
      ),
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.deactivateEmployee).toEqual({ id: String(leaver.id), active: false });
    const [{ audited, changes }] = (await t.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM audit_events WHERE action = 'EMPLOYEE_DEACTIVATED' AND subject_id = ?) AS audited,
              (SELECT COUNT(*) FROM employee_changes WHERE employee_id = ?) AS changes`,
      [String(leaver.id), leaver.id],
    )) as { audited: string; changes: string }[];
    expect([Number(audited), Number(changes)]).toEqual([1, 1]);
  });
});
