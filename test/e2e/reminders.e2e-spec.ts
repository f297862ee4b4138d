import { DataSource } from 'typeorm';
import {
  AssignmentEntity,
  AssignmentReason,
  AssignmentService,
  AssignmentStatus,
  CancelAssignment,
} from '@lp/assignments';
import {
  CertificationAdminService,
  CertificationEntity,
  type CertificationProgramEntity,
  CertificationSource,
  CertificationWriter,
  RenewalBasis,
} from '@lp/certification';
import {
  NotificationEntity,
  NotificationKind,
  NotificationStatus,
  NotificationSubjectType,
  NotificationSweep,
} from '@lp/notifications';
import { EmployeeEntity, EmployeeLifecycle, Role, type StoreEntity } from '@lp/organisation';
import { ReminderPlanning, RemindersConfig } from '@lp/reminders';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildStore,
  eventually,
  type TestWorker,
  useMailingWorker,
} from '@lp/testing';
import { ReminderPlanningProcessor } from '../../apps/worker/src/processors/reminder-planning.processor';
import { CertificationReminderPlanner } from '../../libs/reminders/src/planners/certification-reminder.planner';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Thursday 15 January 2026, 10:00 in New York (EST): inside office hours. */
const THURSDAY_MORNING = new Date('2026-01-15T15:00:00Z');

describe('reminder planning', () => {
  const suite = useMailingWorker(THURSDAY_MORNING);
  const { smtp, clock } = suite;
  let worker: TestWorker;
  let dataSource: DataSource;
  let planning: ReminderPlanning;
  let store: StoreEntity;
  let holder: EmployeeEntity;
  let manager: EmployeeEntity;
  let hr: EmployeeEntity;
  let courseId: number;
  let refresherCourseId: number;
  let program: CertificationProgramEntity;

  beforeAll(async () => {
    ({ worker, dataSource } = suite);
    planning = worker.app.get(ReminderPlanning);
    // The tests call the planning themselves at the clock's moments: the worker's own runs
    // (at start-up, on its schedule) wait, after the one in progress has finished.
    await planningWorker().pause();
  });

  const planningWorker = () => worker.app.get(ReminderPlanningProcessor).worker;

  beforeEach(async () => {
    store = await buildStore(dataSource, { name: 'Manhattan 5th Ave', timezone: 'America/New_York' });
    holder = await buildEmployee(dataSource, {
      storeId: store.id,
      firstName: 'Dana',
      lastName: 'Reyes',
      email: 'dana@example.test',
      jobRoleCode: 'CASHIER',
    });
    manager = await buildEmployee(dataSource, {
      storeId: store.id,
      role: Role.STORE_MANAGER,
      firstName: 'Morgan',
      email: 'morgan@example.test',
    });
    hr = await buildEmployee(dataSource, { storeId: store.id, role: Role.HR, email: 'hr@example.test' });
    courseId = (await buildCourse(dataSource)).course.id;
    refresherCourseId = (await buildCourse(dataSource)).course.id;
    program = await buildProgram(dataSource, { name: 'LP Foundations', refresherCourseId, recertifyWindowDays: 60 });
    await dataSource.query('INSERT INTO program_courses (program_id, course_id) VALUES (?, ?)', [program.id, courseId]);
  });

  const notifications = (kind?: string) =>
    dataSource.getRepository(NotificationEntity).find({ where: kind ? { kind } : {}, order: { id: 'ASC' } });

  async function certify(employee: EmployeeEntity, expiresAt: Date): Promise<CertificationEntity> {
    const certification = await dataSource.transaction((m) =>
      worker.app.get(CertificationWriter).issue(m, {
        employeeId: employee.id,
        storeId: employee.storeId,
        program,
        earnedAt: new Date(clock.now().getTime() - 200 * DAY),
        source: CertificationSource.COMPLETION,
        actorId: null,
      }),
    );
    await dataSource.getRepository(CertificationEntity).update({ id: certification.id }, { expiresAt });
    return { ...certification, expiresAt };
  }

  function assignment(dueAt: Date, overrides: Partial<AssignmentEntity> = {}): Promise<AssignmentEntity> {
    return buildAssignment(dataSource, { employeeId: holder.id, courseId, dueAt, ...overrides });
  }

  /** Runs the planning as the worker would, every twelve hours from now, the last run at `until`. */
  async function planUntil(until: string): Promise<void> {
    const end = new Date(until).getTime();
    for (;;) {
      await planning.plan();
      if (clock.now().getTime() >= end) return;
      clock.set(new Date(Math.min(clock.now().getTime() + DAY / 2, end)));
    }
  }

  async function complete(assignmentId: number): Promise<void> {
    await dataSource.transaction(async (m) => {
      const open = await m.findOneByOrFail(AssignmentEntity, { id: assignmentId });
      await worker.app.get(AssignmentService).complete(m, open, null, holder.storeId);
    });
  }

  describe('refreshers', () => {
    it('assigns one refresher when a certification enters its window, however often planning runs', async () => {
      const expiresAt = new Date(THURSDAY_MORNING.getTime() + 70 * DAY);
      const certification = await certify(holder, expiresAt);
      await planning.plan();
      expect(await dataSource.getRepository(AssignmentEntity).count()).toBe(0);

      clock.set(new Date(clock.now().getTime() + 11 * DAY));
      await planning.plan();
      await planning.plan();

      const refreshers = await dataSource.getRepository(AssignmentEntity).find();
      expect(refreshers).toEqual([
        expect.objectContaining({
          employeeId: holder.id,
          courseId: refresherCourseId,
          reason: AssignmentReason.REFRESHER,
          status: AssignmentStatus.ASSIGNED,
          dueAt: expiresAt,
          programId: program.id,
        }),
      ]);
      // Half a day before their 14-day reminders, the refresher and the certificate both have one planned.
      clock.set(new Date(expiresAt.getTime() - 14.5 * DAY));
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => [n.subjectId, n.offsetKey])).toEqual([
        [refreshers[0].id, 'D14@2026-03-26'],
      ]);
      expect(await dataSource.getRepository(AssignmentEntity).count()).toBe(1);

      // Passing the refresher renews the certification: nothing pending about the old cycle,
      // no second refresher for the new one.
      const pendingAboutOldCycle = await notifications(NotificationKind.CERTIFICATION_EXPIRING);
      expect(pendingAboutOldCycle.length).toBeGreaterThan(0);
      await complete(refreshers[0].id);
      await planning.plan();
      expect(await dataSource.getRepository(AssignmentEntity).count()).toBe(1);
      const renewed = await dataSource.getRepository(CertificationEntity).findOneByOrFail({ currentKey: program.id });
      expect(renewed.id).not.toBe(certification.id);
      for (const reminder of await notifications(NotificationKind.CERTIFICATION_EXPIRING)) {
        expect(reminder).toMatchObject({
          subjectId: certification.id,
          status: NotificationStatus.CANCELLED,
          lastError: 'Not sent: the certification was renewed',
        });
      }
    });

    it('does not assign the refresher again after a manager cancelled it', async () => {
      await certify(holder, new Date(THURSDAY_MORNING.getTime() + 30 * DAY));
      await planning.plan();
      const [refresher] = await dataSource.getRepository(AssignmentEntity).find();
      await worker.app.get(CancelAssignment).execute({ kind: 'chain' }, refresher.id, hr.id);

      await planning.plan();

      expect(await dataSource.getRepository(AssignmentEntity).count()).toBe(1);
      const pending = await dataSource
        .getRepository(NotificationEntity)
        .countBy({ subjectType: NotificationSubjectType.ASSIGNMENT, status: NotificationStatus.PENDING });
      expect(pending).toBe(0);
    });
  });

  describe('work a certificate answers', () => {
    it('cancels the programme’s rule-made work and its reminders when HR grants the certificate', async () => {
      const ruleMade = await assignment(new Date(THURSDAY_MORNING.getTime() + 7.5 * DAY), {
        programId: program.id,
        reason: AssignmentReason.RULE,
      });
      const manual = await buildAssignment(dataSource, {
        employeeId: holder.id,
        courseId: refresherCourseId,
        dueAt: new Date(THURSDAY_MORNING.getTime() + 7.5 * DAY),
      });
      await planning.plan();
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => n.subjectId).sort()).toEqual(
        [ruleMade.id, manual.id].sort(),
      );

      // Certified by a previous employer.
      await worker.app.get(CertificationAdminService).grant({ kind: 'chain' }, holder.id, program.id, undefined, hr.id);

      const assignments = dataSource.getRepository(AssignmentEntity);
      expect(await assignments.findOneByOrFail({ id: ruleMade.id })).toMatchObject({
        status: AssignmentStatus.CANCELLED,
        openKey: null,
      });
      expect(await assignments.findOneByOrFail({ id: manual.id })).toMatchObject({ status: AssignmentStatus.ASSIGNED });
      const dueReminder = (await notifications(NotificationKind.ASSIGNMENT_DUE)).find(
        (n) => n.subjectId === ruleMade.id,
      );
      expect(dueReminder).toMatchObject({
        status: NotificationStatus.CANCELLED,
        lastError: 'Not sent: the assignment was cancelled',
      });

      await planUntil('2026-02-05T15:00:00Z');
      for (const kind of [NotificationKind.ASSIGNMENT_OVERDUE, NotificationKind.ESCALATION]) {
        expect((await notifications(kind)).filter((n) => n.subjectId === ruleMade.id)).toEqual([]);
      }
    });

    it('cancels the overdue refresher when a lapsed holder is certified again by the programme’s course', async () => {
      const expiresAt = new Date(THURSDAY_MORNING.getTime() + 30 * DAY);
      await certify(holder, expiresAt);
      await planning.plan();
      const [refresher] = await dataSource.getRepository(AssignmentEntity).find();
      expect(refresher).toMatchObject({ reason: AssignmentReason.REFRESHER, courseId: refresherCourseId });

      // After the expiry the audience rule assigns the course again, and Dana passes it.
      clock.set(new Date(expiresAt.getTime() + 5 * DAY));
      const course = await assignment(new Date(clock.now().getTime() + 30 * DAY), {
        programId: program.id,
        reason: AssignmentReason.RULE,
      });
      await complete(course.id);

      const current = await dataSource.getRepository(CertificationEntity).findOneByOrFail({ currentKey: program.id });
      expect(current.issuedAt).toEqual(clock.now());
      expect(await dataSource.getRepository(AssignmentEntity).findOneByOrFail({ id: refresher.id })).toMatchObject({
        status: AssignmentStatus.CANCELLED,
      });
      await planning.plan();
      expect(
        (await notifications(NotificationKind.ASSIGNMENT_OVERDUE)).filter(
          (n) => n.status !== NotificationStatus.CANCELLED,
        ),
      ).toEqual([]);
    });
  });

  describe('due-date reminders', () => {
    it('plans each offset still ahead once, a day before its moment, in the store’s office hours', async () => {
      // Due 25 January 08:00 UTC (03:00 in New York): ten days out, so D30 and D14 are past.
      const dueAt = new Date('2026-01-25T08:00:00Z');
      const due = await assignment(dueAt);

      await planning.plan();
      expect(await notifications(NotificationKind.ASSIGNMENT_DUE)).toEqual([]);
      await planUntil('2026-01-17T09:00:00Z');
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => n.offsetKey)).toEqual(['D7@2026-01-25']);
      await planUntil('2026-01-24T20:00:00Z');

      const rows = await notifications(NotificationKind.ASSIGNMENT_DUE);
      expect(rows.map((n) => n.offsetKey)).toEqual(['D7@2026-01-25', 'D1@2026-01-25']);
      expect(rows[0]).toMatchObject({
        recipientId: holder.id,
        subjectId: due.id,
        // From the start of 18 January in New York, seven days before the due day, sent at 09:00 there.
        plannedAt: new Date('2026-01-18T05:00:00Z'),
        sendAfter: new Date('2026-01-18T14:00:00Z'),
        expiresAt: dueAt,
        status: NotificationStatus.PENDING,
      });
    });

    it("follows the programme's offsets for the assignments it made", async () => {
      await dataSource.query('UPDATE certification_programs SET reminder_offsets_days = ? WHERE id = ?', [
        JSON.stringify([5, 2]),
        program.id,
      ]);
      await assignment(new Date('2026-01-25T15:00:00Z'), { programId: program.id, reason: AssignmentReason.RULE });

      await planUntil('2026-01-24T15:00:00Z');

      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => n.offsetKey)).toEqual([
        'D5@2026-01-25',
        'D2@2026-01-25',
      ]);
    });

    it('cancels what is pending when the assignment is completed or cancelled', async () => {
      const first = await assignment(new Date('2026-01-25T15:00:00Z'));
      const second = await buildAssignment(dataSource, {
        employeeId: holder.id,
        courseId: refresherCourseId,
        dueAt: new Date('2026-01-25T15:00:00Z'),
      });
      await planUntil('2026-01-23T15:00:00Z');
      expect(await notifications(NotificationKind.ASSIGNMENT_DUE)).toHaveLength(4);

      await complete(first.id);
      await worker.app.get(CancelAssignment).execute({ kind: 'chain' }, second.id, hr.id);

      const rows = await notifications(NotificationKind.ASSIGNMENT_DUE);
      expect(rows.map((n) => [n.subjectId, n.status, n.lastError]).sort()).toEqual(
        [
          [first.id, NotificationStatus.CANCELLED, 'Not sent: the assignment was completed'],
          [first.id, NotificationStatus.CANCELLED, 'Not sent: the assignment was completed'],
          [second.id, NotificationStatus.CANCELLED, 'Not sent: the assignment was cancelled'],
          [second.id, NotificationStatus.CANCELLED, 'Not sent: the assignment was cancelled'],
        ].sort(),
      );
      await planning.plan();
      expect(await notifications(NotificationKind.ASSIGNMENT_DUE)).toHaveLength(4);
    });
    it('cancels the reminders of work an audience rule no longer asks for', async () => {
      await dataSource.query('INSERT INTO program_audiences (program_id, job_role_id) VALUES (?, ?)', [
        program.id,
        holder.jobRoleId,
      ]);
      const ruleMade = await assignment(new Date('2026-01-25T15:00:00Z'), {
        programId: program.id,
        reason: AssignmentReason.RULE,
      });
      await planUntil('2026-01-23T15:00:00Z');
      expect(await notifications(NotificationKind.ASSIGNMENT_DUE)).toHaveLength(2);

      // Dana becomes a sales associate, whom the programme does not name.
      const [{ id: salesAssociate }] = (await dataSource.query(
        "SELECT id FROM job_roles WHERE code = 'SALES_ASSOCIATE'",
      )) as { id: number }[];
      await dataSource.transaction(async (m) => {
        await m.update('employees', { id: holder.id }, { jobRoleId: salesAssociate });
        await worker.app
          .get(EmployeeLifecycle)
          .changed(m, holder, { ...holder, jobRoleId: salesAssociate } as EmployeeEntity, null);
      });

      expect(await dataSource.getRepository(AssignmentEntity).findOneByOrFail({ id: ruleMade.id })).toMatchObject({
        status: AssignmentStatus.CANCELLED,
      });
      expect((await notifications(NotificationKind.ASSIGNMENT_DUE)).map((n) => n.status)).toEqual([
        NotificationStatus.CANCELLED,
        NotificationStatus.CANCELLED,
      ]);
    });
  });

  describe('overdue work', () => {
    it('reminds weekly from the due date and stops after OVERDUE_REMINDER_LIMIT', async () => {
      expect(worker.app.get(RemindersConfig).OVERDUE_REMINDER_LIMIT).toBe(4);
      const due = await assignment(new Date(THURSDAY_MORNING.getTime() - DAY));

      for (let day = 0; day < 42; day++) {
        await planning.plan();
        clock.set(new Date(clock.now().getTime() + DAY));
      }

      const rows = await notifications(NotificationKind.ASSIGNMENT_OVERDUE);
      expect(rows.map((n) => n.offsetKey)).toEqual([
        'OVERDUE-1@2026-01-14',
        'OVERDUE-2@2026-01-14',
        'OVERDUE-3@2026-01-14',
        'OVERDUE-4@2026-01-14',
      ]);
      expect(rows.every((n) => n.recipientId === holder.id && n.subjectId === due.id)).toBe(true);
      // A week apart: planned on the days the sweep first saw each one due.
      expect(rows.map((n) => n.plannedAt.toISOString())).toEqual([
        '2026-01-15T15:00:00.000Z',
        '2026-01-21T15:00:00.000Z',
        '2026-01-28T15:00:00.000Z',
        '2026-02-04T15:00:00.000Z',
      ]);
    });

    it("escalates to each of the store's managers once, after ESCALATE_AFTER_DAYS", async () => {
      const second = await buildEmployee(dataSource, { storeId: store.id, role: Role.STORE_MANAGER });
      const elsewhere = await buildEmployee(dataSource, { role: Role.STORE_MANAGER });
      // The region's manager is not copied on a store that has its own.
      const regional = await buildEmployee(dataSource, { storeId: store.id, role: Role.REGIONAL_MANAGER });
      const due = await assignment(new Date(THURSDAY_MORNING.getTime() - 6 * DAY));

      await planning.plan();
      expect(await notifications(NotificationKind.ESCALATION)).toEqual([]);

      clock.set(new Date(clock.now().getTime() + DAY + 60_000));
      expect((await planning.plan()).escalations).toBe(2);
      expect((await planning.plan()).escalations).toBe(0);

      const rows = await notifications(NotificationKind.ESCALATION);
      expect(rows.map((n) => n.recipientId).sort()).toEqual([manager.id, second.id].sort());
      expect(rows.map((n) => n.recipientId)).not.toContain(elsewhere.id);
      expect(rows.map((n) => n.recipientId)).not.toContain(regional.id);
      expect(rows[0].templateData).not.toHaveProperty('reason');
      expect(rows[0]).toMatchObject({
        subjectType: NotificationSubjectType.ASSIGNMENT,
        subjectId: due.id,
        offsetKey: 'ESCALATE@2026-01-09',
      });
      expect(rows[0].templateData).toMatchObject({ employeeName: 'Dana Reyes', overdueDays: 7 });
    });
  });

  describe('certifications', () => {
    it('reminds before expiry and copies the managers from the last offset on', async () => {
      const certification = await certify(holder, new Date(THURSDAY_MORNING.getTime() + 10 * DAY));

      await planUntil('2026-01-23T15:00:00Z');

      const rows = await notifications(NotificationKind.CERTIFICATION_EXPIRING);
      expect(rows.map((n) => [n.offsetKey, n.ccEmployeeIds])).toEqual([
        ['D7@2026-01-25', null],
        ['D1@2026-01-25', [manager.id]],
      ]);
      expect(rows[0]).toMatchObject({ recipientId: holder.id, subjectId: certification.id });
      expect(rows[0].templateData).toMatchObject({ programName: 'LP Foundations' });

      await worker.app
        .get(CertificationAdminService)
        .revoke({ kind: 'chain' }, certification.id, 'Failed an audit', hr.id);
      expect((await notifications(NotificationKind.CERTIFICATION_EXPIRING)).map((n) => n.lastError)).toEqual([
        'Not sent: the certification was revoked',
        'Not sent: the certification was revoked',
      ]);
    });

    it('tells the holder, their managers and HR once when a certification expires', async () => {
      const certification = await certify(holder, new Date(THURSDAY_MORNING.getTime() + 3_600_000));
      const revoked = await certify(
        await buildEmployee(dataSource, { storeId: store.id }),
        new Date(THURSDAY_MORNING.getTime() + 3_600_000),
      );
      await dataSource.getRepository(CertificationEntity).update({ id: revoked.id }, { revokedAt: THURSDAY_MORNING });
      await planning.plan();
      expect(await notifications(NotificationKind.CERTIFICATION_EXPIRED)).toEqual([]);

      clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
      await planning.plan();
      await planning.plan();

      const rows = await notifications(NotificationKind.CERTIFICATION_EXPIRED);
      expect(rows.map((n) => [n.recipientId, n.subjectId, n.offsetKey, n.templateData?.forHolder]).sort()).toEqual(
        [
          [holder.id, certification.id, 'EXPIRED', true],
          [manager.id, certification.id, 'EXPIRED', false],
          [hr.id, certification.id, 'EXPIRED', false],
        ].sort(),
      );
    });

    it('does not send someone new to HR or to the store the expiries of the weeks before', async () => {
      await certify(holder, new Date(THURSDAY_MORNING.getTime() - 20 * DAY));
      await planning.plan();
      expect(await notifications(NotificationKind.CERTIFICATION_EXPIRED)).toHaveLength(3);

      clock.set(new Date(THURSDAY_MORNING.getTime() + DAY));
      await buildEmployee(dataSource, { storeId: store.id, role: Role.HR });
      await buildEmployee(dataSource, { storeId: store.id, role: Role.STORE_MANAGER });
      expect((await planning.plan()).expired).toBe(0);

      expect((await notifications(NotificationKind.CERTIFICATION_EXPIRED)).map((n) => n.recipientId).sort()).toEqual(
        [holder.id, manager.id, hr.id].sort(),
      );
    });
  });

  describe('running in the worker', () => {
    it('plans through its queue job, and three runs at once plan each reminder once', async () => {
      await assignment(new Date(THURSDAY_MORNING.getTime() - DAY));
      await certify(holder, new Date(THURSDAY_MORNING.getTime() + 30 * DAY));

      planningWorker().resume();
      await planning.runSoon();
      await eventually(async () =>
        expect(await notifications(NotificationKind.ASSIGNMENT_OVERDUE)).toEqual([
          expect.objectContaining({ recipientId: holder.id }),
        ]),
      );
      await planningWorker().pause();
      const before = (await notifications()).map((n) => `${n.kind} ${n.recipientId} ${n.offsetKey}`).sort();
      const refreshersBefore = await dataSource.getRepository(AssignmentEntity).countBy({
        reason: AssignmentReason.REFRESHER,
      });
      expect(refreshersBefore).toBe(1);

      clock.set(new Date(THURSDAY_MORNING.getTime() + 3_600_000));
      await Promise.all([planning.plan(), planning.plan(), planning.plan()]);

      expect((await notifications()).map((n) => `${n.kind} ${n.recipientId} ${n.offsetKey}`).sort()).toEqual(before);
      expect(await dataSource.getRepository(AssignmentEntity).countBy({ reason: AssignmentReason.REFRESHER })).toBe(1);
    });

    it('reports a planner that failed once the others, planning beside it, have finished', async () => {
      await assignment(new Date(THURSDAY_MORNING.getTime() - DAY));
      const certifications = worker.app.get(CertificationReminderPlanner, { strict: false });
      jest.spyOn(certifications, 'plan').mockRejectedValueOnce(new Error('the certifications could not be read'));

      await expect(planning.plan()).rejects.toThrow('the certifications could not be read');

      expect((await notifications()).map((n) => n.kind).sort()).toEqual([
        NotificationKind.ASSIGNMENT_OVERDUE,
        NotificationKind.WEEKLY_DIGEST,
      ]);
    });
  });

  describe('a store without an active manager', () => {
    const sweep = () => worker.app.get(NotificationSweep).sweep();
    const leaves = (employee: EmployeeEntity) =>
      dataSource.getRepository(EmployeeEntity).update({ id: employee.id }, { active: false });
    const escalations = async () =>
      (await notifications(NotificationKind.ESCALATION)).map((n) => [n.recipientId, n.status]);
    const emailsTo = (address: string, subject: string) =>
      smtp.messages.filter((m) => !Array.isArray(m.to) && m.to?.text === address && m.subject?.includes(subject));
    /** Friday 09:00 in New York: a stand-in's escalations of Thursday go out together then. */
    const nextMorning = () => clock.set(new Date('2026-01-16T14:00:00Z'));
    let regional: EmployeeEntity;
    let riley: EmployeeEntity;

    beforeEach(async () => {
      await dataSource.query('UPDATE regions SET name = ? WHERE id = ?', ['North East', store.regionId]);
      const brooklyn = await buildStore(dataSource, {
        name: 'Brooklyn',
        regionId: store.regionId,
        timezone: 'America/New_York',
      });
      riley = await buildEmployee(dataSource, {
        storeId: brooklyn.id,
        role: Role.STORE_MANAGER,
        email: 'riley@example.test',
      });
      regional = await buildEmployee(dataSource, {
        storeId: brooklyn.id,
        role: Role.REGIONAL_MANAGER,
        firstName: 'Alex',
        email: 'alex@example.test',
      });
    });

    it("escalates overdue work to the region's regional managers, who are told why, and HR sees why", async () => {
      await leaves(manager);
      // Another region's regional manager is not told.
      await buildEmployee(dataSource, { role: Role.REGIONAL_MANAGER });
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));

      expect((await planning.plan()).escalations).toBe(1);
      const [row] = await notifications(NotificationKind.ESCALATION);
      expect(row.recipientId).toBe(regional.id);
      expect(row.templateData).toMatchObject({
        reason: 'No active store manager at Manhattan 5th Ave to tell, so the regional managers of North East are told',
      });

      nextMorning();
      await sweep();
      await eventually(async () => expect(await escalations()).toEqual([[regional.id, NotificationStatus.SENT]]));
      const [email] = emailsTo('alex@example.test', 'is overdue with');
      expect(email.text).toContain('Hello Alex,');
      expect(email.text).toContain('Dana Reyes has not completed the LP Academy course');
      expect(email.text).toContain(
        'Why you: No active store manager at Manhattan 5th Ave to tell, so the regional managers of North East are told.',
      );
    });

    it('escalates to HR when the region has no active regional manager either', async () => {
      await leaves(manager);
      await leaves(regional);
      const second = await buildEmployee(dataSource, { role: Role.HR, email: 'hr2@example.test' });
      await leaves(await buildEmployee(dataSource, { role: Role.HR }));
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));

      expect((await planning.plan()).escalations).toBe(2);
      const rows = await notifications(NotificationKind.ESCALATION);
      expect(rows.map((n) => n.recipientId).sort()).toEqual([hr.id, second.id].sort());
      expect(rows[0].templateData).toMatchObject({
        reason:
          'No active store manager at Manhattan 5th Ave nor regional manager of North East to tell, so HR is told',
      });

      nextMorning();
      await sweep();
      await eventually(async () =>
        expect((await escalations()).map(([, status]) => status)).toEqual([
          NotificationStatus.SENT,
          NotificationStatus.SENT,
        ]),
      );
      expect(emailsTo('hr@example.test', 'is overdue with')[0].text).toContain(
        'Why you: No active store manager at Manhattan 5th Ave nor regional manager of North East to tell, so HR is told.',
      );
    });

    it('gathers a day’s escalations to a stand-in into one email the next morning, listing the overdue people and why', async () => {
      await leaves(manager);
      await leaves(regional);
      const queens = await buildStore(dataSource, { name: 'Queens', timezone: 'America/New_York' });
      await dataSource.query('UPDATE regions SET name = ? WHERE id = ?', ['Long Island', queens.regionId]);
      const sam = await buildEmployee(dataSource, { storeId: queens.id, firstName: 'Sam', lastName: 'Okafor' });
      const lee = await buildEmployee(dataSource, { storeId: store.id, firstName: 'Lee', lastName: 'Chen' });
      const eightDaysAgo = new Date(THURSDAY_MORNING.getTime() - 8 * DAY);
      await assignment(eightDaysAgo);
      await buildAssignment(dataSource, { employeeId: sam.id, courseId, dueAt: eightDaysAgo });
      // Lee's falls due for escalation in the afternoon's run.
      await buildAssignment(dataSource, {
        employeeId: lee.id,
        courseId,
        dueAt: new Date(THURSDAY_MORNING.getTime() - 7 * DAY + 2 * HOUR),
      });

      expect((await planning.plan()).escalations).toBe(2);
      clock.set(new Date(THURSDAY_MORNING.getTime() + 3 * HOUR));
      expect((await planning.plan()).escalations).toBe(1);
      // Nothing to HR during Thursday's office hours: the day's escalations wait for Friday 09:00 in New York.
      await sweep();
      const hrEscalations = async () =>
        (await notifications(NotificationKind.ESCALATION)).filter((n) => n.recipientId === hr.id);
      expect((await hrEscalations()).map((n) => [n.status, n.sendAfter.toISOString()])).toEqual(
        Array.from({ length: 3 }, () => [NotificationStatus.PENDING, '2026-01-16T14:00:00.000Z']),
      );

      clock.set(new Date('2026-01-16T14:00:00Z'));
      await sweep();
      await eventually(async () =>
        expect((await hrEscalations()).map((n) => n.status)).toEqual(
          Array.from({ length: 3 }, () => NotificationStatus.SENT),
        ),
      );
      // One email, besides HR's weekly digest of the two stores.
      await eventually(async () =>
        expect(emailsTo('hr@example.test', 'overdue LP Academy courses').map((m) => m.subject)).toEqual([
          '3 overdue LP Academy courses to follow up',
        ]),
      );
      const [email] = emailsTo('hr@example.test', 'overdue LP Academy courses');
      expect(email.text).toMatch(/- Dana Reyes \(Manhattan 5th Ave\): "Course \d+", due Wednesday, 7 January 2026/);
      expect(email.text).toMatch(/- Lee Chen \(Manhattan 5th Ave\): "Course \d+", due Thursday, 8 January 2026/);
      expect(email.text).toMatch(/- Sam Okafor \(Queens\): "Course \d+", due Wednesday, 7 January 2026/);
      expect(email.text).toContain(
        'Why you: No active store manager at Manhattan 5th Ave nor regional manager of North East to tell, so HR is told.',
      );
      expect(email.text).toContain(
        'Why you: No active store manager at Queens nor regional manager of Long Island to tell, so HR is told.',
      );
      // HR's list: each escalation sent in that one email, each saying why.
      const rows = await hrEscalations();
      expect(new Set(rows.map((n) => n.messageId))).toEqual(new Set([email.messageId]));
      expect(rows.map((n) => n.templateData?.reason).sort()).toEqual([
        'No active store manager at Manhattan 5th Ave nor regional manager of North East to tell, so HR is told',
        'No active store manager at Manhattan 5th Ave nor regional manager of North East to tell, so HR is told',
        'No active store manager at Queens nor regional manager of Long Island to tell, so HR is told',
      ]);
      expect(rows.map((n) => n.lastError)).toEqual(
        Array.from({ length: 3 }, () => 'Sent in one email with 2 other(s) to the same person'),
      );
    });

    it('keeps a stand-in’s escalations together while the mail server says "try later", then sends them in one email', async () => {
      await leaves(manager);
      const lee = await buildEmployee(dataSource, { storeId: store.id, firstName: 'Lee', lastName: 'Chen' });
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));
      await buildAssignment(dataSource, {
        employeeId: lee.id,
        courseId,
        dueAt: new Date(THURSDAY_MORNING.getTime() - 8 * DAY),
      });
      expect((await planning.plan()).escalations).toBe(2);
      const toAlex = async () =>
        (await notifications(NotificationKind.ESCALATION)).filter((n) => n.recipientId === regional.id);

      smtp.rejectWith = 'Too many messages, try again later';
      smtp.rejectCode = 451;
      try {
        nextMorning();
        await sweep();
        await eventually(async () =>
          expect((await toAlex()).map((n) => [n.status, n.lastError])).toEqual(
            Array.from({ length: 2 }, () => [
              NotificationStatus.PENDING,
              expect.stringContaining('451 Too many messages'),
            ]),
          ),
        );
      } finally {
        smtp.rejectWith = undefined;
        smtp.rejectCode = undefined;
      }

      clock.set(new Date(clock.now().getTime() + 10 * 60_000));
      await sweep();
      await eventually(async () =>
        expect((await toAlex()).map((n) => n.status)).toEqual([NotificationStatus.SENT, NotificationStatus.SENT]),
      );
      await eventually(async () =>
        expect(emailsTo('alex@example.test', 'overdue LP Academy courses').map((m) => m.subject)).toEqual([
          '2 overdue LP Academy courses to follow up',
        ]),
      );
    });

    it("escalates a store manager's own overdue work to the regional managers when nobody else manages the store", async () => {
      await buildAssignment(dataSource, {
        employeeId: manager.id,
        courseId,
        dueAt: new Date(THURSDAY_MORNING.getTime() - 8 * DAY),
      });

      await planning.plan();
      expect((await notifications(NotificationKind.ESCALATION)).map((n) => n.recipientId)).toEqual([regional.id]);
    });

    it('tells the regional managers of work whose manager left before the escalation went out', async () => {
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));
      await planning.plan();
      expect(await escalations()).toEqual([[manager.id, NotificationStatus.PENDING]]);

      await leaves(manager);
      await sweep();
      await eventually(async () => expect(await escalations()).toEqual([[manager.id, NotificationStatus.CANCELLED]]));
      await planning.plan();
      nextMorning();
      await sweep();
      await eventually(async () =>
        expect(await escalations()).toEqual([
          [manager.id, NotificationStatus.CANCELLED],
          [regional.id, NotificationStatus.SENT],
        ]),
      );
      expect(emailsTo('morgan@example.test', 'is overdue with')).toEqual([]);
    });

    it('tells the manager a store was given before the escalation to its regional managers went out, not them', async () => {
      await leaves(manager);
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));
      await planning.plan();
      expect(await escalations()).toEqual([[regional.id, NotificationStatus.PENDING]]);

      const newManager = await buildEmployee(dataSource, {
        storeId: store.id,
        role: Role.STORE_MANAGER,
        email: 'jo@example.test',
      });
      nextMorning();
      await sweep();
      await eventually(async () => expect(await escalations()).toEqual([[regional.id, NotificationStatus.CANCELLED]]));
      expect((await notifications(NotificationKind.ESCALATION))[0].lastError).toMatch(/no longer the one to tell/);
      await planning.plan();
      await sweep();
      await eventually(async () =>
        expect(await escalations()).toEqual([
          [regional.id, NotificationStatus.CANCELLED],
          [newManager.id, NotificationStatus.SENT],
        ]),
      );
      expect(emailsTo('alex@example.test', 'is overdue with')).toEqual([]);
    });

    it("sends the store's weekly digest to its regional managers, or to HR when the region has none, saying why", async () => {
      await leaves(manager);
      const queens = await buildStore(dataSource, { name: 'Queens', timezone: 'America/New_York' });
      await dataSource.query('UPDATE regions SET name = ? WHERE id = ?', ['Long Island', queens.regionId]);
      const sam = await buildEmployee(dataSource, { storeId: queens.id, firstName: 'Sam', lastName: 'Okafor' });
      await buildAssignment(dataSource, {
        employeeId: sam.id,
        courseId,
        dueAt: new Date(THURSDAY_MORNING.getTime() - 3 * DAY),
      });
      // A store nobody works in has no digest.
      await buildStore(dataSource, { name: 'Closed', regionId: queens.regionId });

      // Riley's of Brooklyn, Alex's of Manhattan (Brooklyn has its manager), HR's of Queens.
      expect(await planning.plan()).toMatchObject({ digests: 3 });
      const digests = await notifications(NotificationKind.WEEKLY_DIGEST);
      expect(digests.find((n) => n.recipientId === regional.id)!.templateData).toMatchObject({
        reason: 'No active store manager at Manhattan 5th Ave to tell, so the regional managers of North East are told',
      });
      expect(digests.find((n) => n.recipientId === hr.id)!.templateData).toMatchObject({
        reason: 'No active store manager at Queens nor regional manager of Long Island to tell, so HR is told',
      });

      // The three digests and Sam's overdue reminder.
      await sweep();
      await smtp.waitFor(4);
      const [alexDigest] = emailsTo('alex@example.test', 'Your LP Academy week');
      expect(alexDigest.text).toContain('summary for Manhattan 5th Ave.');
      expect(alexDigest.text).toContain(
        'Why you: No active store manager at Manhattan 5th Ave to tell, so the regional managers of North East are told.',
      );
      const [hrDigest] = emailsTo('hr@example.test', 'Your LP Academy week');
      expect(hrDigest.subject).toBe('Your LP Academy week 2026-W03: 1 overdue, 0 certificate(s) expiring');
      expect(hrDigest.text).toContain('summary for Queens.');
      expect(hrDigest.text).toMatch(/- Sam Okafor \(Queens\): "Course \d+", due Monday, 12 January 2026/);
      const [rileyDigest] = emailsTo('riley@example.test', 'Your LP Academy week');
      expect(rileyDigest.text).toContain('summary for Brooklyn.');
      expect(rileyDigest.text).not.toContain('Why you');
    });

    it('keeps for HR’s list why a stand-in was told as the email said it when sent, not as planned', async () => {
      await leaves(manager);
      await leaves(riley);
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));
      await planning.plan();
      const planned = (await notifications(NotificationKind.WEEKLY_DIGEST)).find((n) => n.recipientId === regional.id)!;
      expect(planned.templateData).toMatchObject({
        reason:
          'No active store manager at Brooklyn, Manhattan 5th Ave to tell, so the regional managers of North East are told',
      });

      // Brooklyn has a manager again before the emails go out: Alex stands in for Manhattan only.
      await buildEmployee(dataSource, {
        storeId: store.id,
        role: Role.STORE_MANAGER,
        managedStoreIds: [riley.storeId],
      });
      nextMorning();
      await sweep();
      await eventually(async () =>
        expect(
          (await notifications())
            .filter((n) => n.recipientId === regional.id)
            .map((n) => [n.kind, n.status])
            .sort(),
        ).toEqual([
          [NotificationKind.ESCALATION, NotificationStatus.SENT],
          [NotificationKind.WEEKLY_DIGEST, NotificationStatus.SENT],
        ]),
      );
      const why =
        'No active store manager at Manhattan 5th Ave to tell, so the regional managers of North East are told';
      expect(emailsTo('alex@example.test', 'Your LP Academy week')[0].text).toContain(`Why you: ${why}.`);
      const sent = await notifications();
      expect(sent.filter((n) => n.recipientId === regional.id).map((n) => n.templateData?.reason)).toEqual([why, why]);
    });

    it("sends the week's digest of a store whose manager left after it was planned to its regional managers", async () => {
      // The week's first run, just after midnight on Monday in New York: Morgan's digest waits for 09:00.
      clock.set(new Date('2026-01-12T05:05:00Z'));
      expect(await planning.plan()).toMatchObject({ digests: 2 });

      clock.set(new Date('2026-01-12T13:00:00Z'));
      await leaves(manager);
      expect(await planning.plan()).toMatchObject({ digests: 1 });
      clock.set(new Date('2026-01-12T14:00:00Z'));
      await sweep();
      await eventually(async () =>
        expect((await notifications(NotificationKind.WEEKLY_DIGEST)).map((n) => [n.recipientId, n.status])).toEqual([
          [manager.id, NotificationStatus.CANCELLED],
          [riley.id, NotificationStatus.SENT],
          [regional.id, NotificationStatus.SENT],
        ]),
      );
      expect(emailsTo('alex@example.test', 'Your LP Academy week')[0].text).toContain('summary for Manhattan 5th Ave.');
      expect(emailsTo('morgan@example.test', 'Your LP Academy week')).toEqual([]);

      // Alex's digest of the week went out: the store is in next week's, not in a second one this week.
      clock.set(new Date('2026-01-14T15:00:00Z'));
      expect(await planning.plan()).toMatchObject({ digests: 0 });
    });
  });

  describe('delivery', () => {
    const sweepAndDeliver = async (count: number) => {
      await worker.app.get(NotificationSweep).sweep();
      await smtp.waitFor(count);
    };

    it('plans, sweeps and emails an overdue reminder with the name, course, local date and a link', async () => {
      await assignment(new Date('2026-01-15T04:30:00Z'));

      await planning.plan();
      // The store's manager gets their weekly digest of it in the same sweep, in either order.
      await sweepAndDeliver(2);
      expect(smtp.messages.map((m) => m.to)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ text: 'dana@example.test' }),
          expect.objectContaining({ text: 'morgan@example.test' }),
        ]),
      );

      const email = smtp.messages.find((m) => m.subject?.startsWith('Overdue'))!;
      expect(email.to).toMatchObject({ text: 'dana@example.test' });
      // 04:30 UTC on the 15th is 23:30 on the 14th in New York.
      expect(email.subject).toMatch(/^Overdue: "Course \d+" was due on Wednesday, 14 January 2026$/);
      expect(email.text).toContain('Hello Dana,');
      expect(email.text).toContain('Wednesday, 14 January 2026 at 23:30 New York time');
      expect(email.html).toMatch(/href="https:\/\/academy\.example\.com\/training\/\d+"/);
      await eventually(async () =>
        expect(await notifications(NotificationKind.ASSIGNMENT_OVERDUE)).toEqual([
          expect.objectContaining({ status: NotificationStatus.SENT }),
        ]),
      );
    });

    it('escalates to the managers of the store the employee works in when it is sent, not when it was planned', async () => {
      const newStore = await buildStore(dataSource, { name: 'Brooklyn', timezone: 'America/New_York' });
      const newManager = await buildEmployee(dataSource, {
        storeId: newStore.id,
        role: Role.STORE_MANAGER,
        email: 'riley@example.test',
      });
      await assignment(new Date(THURSDAY_MORNING.getTime() - 8 * DAY));
      await planning.plan();
      const escalations = () => notifications(NotificationKind.ESCALATION);
      expect((await escalations()).map((n) => n.recipientId)).toEqual([manager.id]);

      // Dana moves to Brooklyn before the escalation goes out.
      await dataSource.getRepository(EmployeeEntity).update({ id: holder.id }, { storeId: newStore.id });
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await escalations()).map((n) => [n.recipientId, n.status])).toEqual([
          [manager.id, NotificationStatus.CANCELLED],
        ]),
      );
      expect((await escalations())[0].lastError).toMatch(/no longer manages the employee's store/);

      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await escalations()).map((n) => [n.recipientId, n.status])).toEqual([
          [manager.id, NotificationStatus.CANCELLED],
          [newManager.id, NotificationStatus.SENT],
        ]),
      );
      expect(smtp.messages.filter((m) => m.subject?.includes('is overdue with')).map((m) => m.to)).toEqual([
        expect.objectContaining({ text: 'riley@example.test' }),
      ]);
    });

    it("dates an escalation for a manager based in another zone as the employee's store does, and says so", async () => {
      const headOffice = await buildStore(dataSource, { name: 'Paris head office', timezone: 'Europe/Paris' });
      await buildEmployee(dataSource, {
        storeId: headOffice.id,
        role: Role.STORE_MANAGER,
        managedStoreIds: [store.id],
        firstName: 'Noor',
        email: 'noor@example.test',
      });
      // The end of 6 January in New York, Dana's store: 05:59 on the 7th in Paris.
      await assignment(new Date('2026-01-07T04:59:00Z'));

      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await notifications(NotificationKind.ESCALATION)).map((n) => n.status)).toEqual([
          NotificationStatus.SENT,
          NotificationStatus.SENT,
        ]),
      );
      const escalation = smtp.messages.find(
        (m) => m.subject?.includes('is overdue with') && !Array.isArray(m.to) && m.to?.text === 'noor@example.test',
      )!;
      expect(escalation.text).toContain('Hello Noor,');
      expect(escalation.text).toContain('which was due on\nTuesday, 6 January 2026 at 23:59 New York time');
      expect(escalation.html).toContain('<strong>Tuesday, 6 January 2026 at 23:59 New York time</strong>');
    });

    it('tells of an expiry only those who manage the holder’s store or work in HR when it is sent', async () => {
      const brooklyn = await buildStore(dataSource, { name: 'Brooklyn', timezone: 'America/New_York' });
      const riley = await buildEmployee(dataSource, {
        storeId: brooklyn.id,
        role: Role.STORE_MANAGER,
        email: 'riley@example.test',
      });
      const formerHr = await buildEmployee(dataSource, { storeId: store.id, role: Role.HR, email: 'kai@example.test' });
      await certify(holder, new Date(THURSDAY_MORNING.getTime() - 3_600_000));
      await planning.plan();
      const expired = () => notifications(NotificationKind.CERTIFICATION_EXPIRED);
      expect((await expired()).map((n) => n.recipientId).sort()).toEqual(
        [holder.id, manager.id, hr.id, formerHr.id].sort(),
      );

      // Before the notices go out, Dana moves to Brooklyn and Kai leaves HR for a store job.
      await dataSource.getRepository(EmployeeEntity).update({ id: holder.id }, { storeId: brooklyn.id });
      await dataSource.getRepository(EmployeeEntity).update({ id: formerHr.id }, { role: Role.EMPLOYEE });
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await expired()).map((n) => [n.recipientId, n.status]).sort()).toEqual(
          [
            [holder.id, NotificationStatus.SENT],
            [manager.id, NotificationStatus.CANCELLED],
            [hr.id, NotificationStatus.SENT],
            [formerHr.id, NotificationStatus.CANCELLED],
          ].sort(),
        ),
      );
      expect((await expired()).find((n) => n.recipientId === manager.id)!.lastError).toBe(
        "Not sent: the certificate is no longer current or its holder has left, or the recipient no longer manages the holder's store nor works in HR",
      );
      const notices = () => smtp.messages.filter((m) => m.subject?.endsWith('certificate has expired'));
      expect(notices().map((m) => m.to)).not.toContainEqual(expect.objectContaining({ text: 'morgan@example.test' }));

      // The next run tells Brooklyn's manager, who can open Dana's record.
      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await expired()).filter((n) => n.recipientId === riley.id).map((n) => n.status)).toEqual([
          NotificationStatus.SENT,
        ]),
      );
      const toRiley = notices().find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'riley@example.test')!;
      expect(toRiley.subject).toBe("Dana Reyes's LP Foundations certificate has expired");
      expect(toRiley.text).toContain(`https://academy.example.com/people/${holder.id}`);
    });

    it('tells nobody of the expiry of someone who left before the notice went out', async () => {
      await certify(holder, new Date(THURSDAY_MORNING.getTime() - 3_600_000));
      await planning.plan();
      const expired = () => notifications(NotificationKind.CERTIFICATION_EXPIRED);
      expect(await expired()).toHaveLength(3);

      await dataSource.getRepository(EmployeeEntity).update({ id: holder.id }, { active: false });
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await expired()).map((n) => n.status)).toEqual(Array(3).fill(NotificationStatus.CANCELLED)),
      );
      expect(smtp.messages.filter((m) => m.subject?.endsWith('certificate has expired'))).toEqual([]);
    });

    /** Sends the one-day expiry reminder (due at noon on Thursday in New York) and checks who got it. */
    async function expectLastReminderSent(addresses: { to: string; cc: string }): Promise<void> {
      clock.set(new Date(THURSDAY_MORNING.getTime() + 2 * 3_600_000));
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await notifications(NotificationKind.CERTIFICATION_EXPIRING)).map((n) => n.status)).toEqual([
          NotificationStatus.SENT,
        ]),
      );
      const reminder = smtp.messages.find((m) => m.subject?.startsWith('Your LP Foundations certificate expires'))!;
      expect(reminder.to).toMatchObject({ text: addresses.to });
      expect(reminder.cc).toMatchObject({ text: addresses.cc });
    }

    it('copies the last expiry reminder to the managers of the holder’s store when it is sent', async () => {
      const brooklyn = await buildStore(dataSource, { name: 'Brooklyn', timezone: 'America/New_York' });
      await buildEmployee(dataSource, { storeId: brooklyn.id, role: Role.STORE_MANAGER, email: 'riley@example.test' });
      // Its one-day reminder is due at noon in New York.
      await certify(holder, new Date(THURSDAY_MORNING.getTime() + DAY + 2 * 3_600_000));
      await planning.plan();
      expect((await notifications(NotificationKind.CERTIFICATION_EXPIRING)).map((n) => n.ccEmployeeIds)).toEqual([
        [manager.id],
      ]);

      // Dana moves to Brooklyn before it goes out.
      await dataSource.getRepository(EmployeeEntity).update({ id: holder.id }, { storeId: brooklyn.id });
      await expectLastReminderSent({ to: 'dana@example.test', cc: 'riley@example.test' });
    });

    it('copies the last expiry reminder to a manager the store was given after it was planned', async () => {
      const brooklyn = await buildStore(dataSource, { name: 'Brooklyn', timezone: 'America/New_York' });
      await dataSource.getRepository(EmployeeEntity).update({ id: holder.id }, { storeId: brooklyn.id });
      // Its one-day reminder is due at noon in New York; Brooklyn has no manager when it is planned.
      await certify(holder, new Date(THURSDAY_MORNING.getTime() + DAY + 2 * 3_600_000));
      await planning.plan();
      expect(await notifications(NotificationKind.CERTIFICATION_EXPIRING)).toHaveLength(1);

      await buildEmployee(dataSource, { storeId: brooklyn.id, role: Role.STORE_MANAGER, email: 'riley@example.test' });
      await expectLastReminderSent({ to: 'dana@example.test', cc: 'riley@example.test' });
    });

    it('copies the last expiry reminder to the managers of the store a holder moved to from one without any', async () => {
      const queens = await buildStore(dataSource, { name: 'Queens', timezone: 'America/New_York' });
      const lee = await buildEmployee(dataSource, { storeId: queens.id, firstName: 'Lee', email: 'lee@example.test' });
      await certify(lee, new Date(THURSDAY_MORNING.getTime() + DAY + 2 * 3_600_000));
      await planning.plan();
      // Queens has no manager when the reminder is planned.
      expect((await notifications(NotificationKind.CERTIFICATION_EXPIRING)).map((n) => n.recipientId)).toEqual([
        lee.id,
      ]);

      // Lee moves to Morgan's store before it goes out.
      await dataSource.getRepository(EmployeeEntity).update({ id: lee.id }, { storeId: store.id });
      await expectLastReminderSent({ to: 'lee@example.test', cc: 'morgan@example.test' });
    });

    /**
     * Dana and Lee certified until tomorrow noon in New York, each given their refresher by
     * planning, Lee's then cancelled by their manager. Answers when they expire and Dana's refresher.
     */
    async function twoHoldersOneRefresherCancelled(): Promise<{ expiresAt: Date; danasRefresher: AssignmentEntity }> {
      const lee = await buildEmployee(dataSource, {
        storeId: store.id,
        firstName: 'Lee',
        email: 'lee@example.test',
        jobRoleCode: 'CASHIER',
      });
      const expiresAt = new Date(THURSDAY_MORNING.getTime() + DAY + 2 * 3_600_000);
      await certify(holder, expiresAt);
      await certify(lee, expiresAt);
      await planning.plan();
      const refresherOf = (employeeId: number) =>
        dataSource.getRepository(AssignmentEntity).findOneByOrFail({ employeeId, courseId: refresherCourseId });
      const danasRefresher = await refresherOf(holder.id);
      await worker.app.get(CancelAssignment).execute({ kind: 'chain' }, (await refresherOf(lee.id)).id, manager.id);
      return { expiresAt, danasRefresher };
    }

    it('sends the holder to their open refresher before expiry, and says so when they have none', async () => {
      // Their one-day reminders are due at noon in New York.
      const { danasRefresher } = await twoHoldersOneRefresherCancelled();

      clock.set(new Date(THURSDAY_MORNING.getTime() + 2 * 3_600_000));
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await notifications(NotificationKind.CERTIFICATION_EXPIRING)).map((n) => n.status)).toEqual([
          NotificationStatus.SENT,
          NotificationStatus.SENT,
        ]),
      );
      const reminderTo = (address: string) =>
        smtp.messages.find(
          (m) =>
            m.subject?.startsWith('Your LP Foundations certificate expires') &&
            !Array.isArray(m.to) &&
            m.to?.text === address,
        )!;
      const toDana = reminderTo('dana@example.test');
      expect(toDana.text).toContain(
        `Complete your refresher before then to stay certified: https://academy.example.com/training/${danasRefresher.id}\n`,
      );
      expect(toDana.html).toContain(`href="https://academy.example.com/training/${danasRefresher.id}"`);
      const toLee = reminderTo('lee@example.test');
      expect(toLee.text).toContain('You have no refresher to complete for it at the moment.');
      expect(toLee.text).not.toContain('Complete your refresher');
      expect(toLee.html).not.toContain('Complete your refresher');
    });

    it('sends the holder of an expired certificate to their open refresher, and says so when they have none', async () => {
      const { expiresAt, danasRefresher } = await twoHoldersOneRefresherCancelled();

      clock.set(new Date(expiresAt.getTime() + DAY));
      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      const noticeTo = (address: string) =>
        smtp.messages.find(
          (m) => m.subject?.endsWith('certificate has expired') && !Array.isArray(m.to) && m.to?.text === address,
        );
      // To each holder, their manager and HR: every one sent before the next test begins.
      await eventually(async () => {
        const statuses = (await notifications(NotificationKind.CERTIFICATION_EXPIRED)).map((n) => n.status);
        expect(statuses).toHaveLength(6);
        expect(new Set(statuses)).toEqual(new Set([NotificationStatus.SENT]));
      });
      expect(noticeTo('dana@example.test')!.text).toContain(
        `Complete your refresher to be certified again: https://academy.example.com/training/${danasRefresher.id}\n`,
      );
      const toLee = noticeTo('lee@example.test')!;
      expect(toLee.text).toContain('You have no refresher to complete for it at the moment.');
      expect(toLee.html).not.toContain('Complete your refresher');
    });

    it('dates an expiry for HR elsewhere as the holder’s store does, and says so', async () => {
      const headOffice = await buildStore(dataSource, { name: 'Paris head office', timezone: 'Europe/Paris' });
      await dataSource.getRepository(EmployeeEntity).update({ id: hr.id }, { storeId: headOffice.id });
      const officer = await buildProgram(dataSource, {
        name: 'LP Officer',
        renewalBasis: RenewalBasis.FIXED_DATE,
        fixedExpiryDate: '01-29',
      });
      const certification = await dataSource.transaction((m) =>
        worker.app.get(CertificationWriter).issue(m, {
          employeeId: holder.id,
          storeId: store.id,
          program: officer,
          earnedAt: new Date('2025-02-01T10:00:00Z'),
          source: CertificationSource.COMPLETION,
          actorId: null,
        }),
      );
      // The end of 29 January in New York, Dana's store: already 30 January in Paris.
      expect(certification.expiresAt).toEqual(new Date('2026-01-30T04:59:59Z'));

      // Friday 10:00 in New York, 16:00 in Paris.
      clock.set(new Date('2026-01-30T15:00:00Z'));
      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      // The three notices, Morgan's digest, and HR's of the head office, which has no manager.
      await smtp.waitFor(5);
      const noticeTo = (address: string) =>
        smtp.messages.find(
          (m) => m.subject?.endsWith('certificate has expired') && !Array.isArray(m.to) && m.to?.text === address,
        )!;
      for (const address of ['hr@example.test', 'morgan@example.test']) {
        const notice = noticeTo(address);
        expect(notice.text).toContain(
          'The LP Officer certificate of Dana Reyes, Manhattan 5th Ave, expired on Thursday, 29 January 2026 (New York time).',
        );
        expect(notice.html).toContain('expired on\n<strong>Thursday, 29 January 2026</strong> (New York time)');
      }
      expect(noticeTo('dana@example.test').text).toContain(
        'Your LP Officer certificate expired on Thursday, 29 January 2026.',
      );
    });

    it("sends each store manager one weekly digest of their store's overdue work, expiries and compliance", async () => {
      const jobRoleId = holder.jobRoleId;
      await dataSource.query('INSERT INTO program_audiences (program_id, job_role_id) VALUES (?, ?)', [
        program.id,
        jobRoleId,
      ]);
      await certify(holder, new Date(THURSDAY_MORNING.getTime() + 20 * DAY));
      const colleague = await buildEmployee(dataSource, {
        storeId: store.id,
        firstName: 'Sam',
        lastName: 'Okafor',
        jobRoleCode: 'CASHIER',
      });
      await buildAssignment(dataSource, {
        employeeId: colleague.id,
        courseId,
        dueAt: new Date(THURSDAY_MORNING.getTime() - 3 * DAY),
      });

      expect(await planning.plan()).toMatchObject({ digests: 1, overdue: 1 });
      // A run again counts what it planned anew: nothing.
      expect(await planning.plan()).toEqual({
        refreshers: 0,
        lapsedCourses: 0,
        due: 0,
        overdue: 0,
        escalations: 0,
        expiring: 0,
        expired: 0,
        digests: 0,
      });
      const digests = await notifications(NotificationKind.WEEKLY_DIGEST);
      expect(digests).toEqual([
        expect.objectContaining({
          recipientId: manager.id,
          subjectType: NotificationSubjectType.EMPLOYEE,
          subjectId: manager.id,
          offsetKey: '2026-W03',
        }),
      ]);

      // The digest and Sam's overdue reminder.
      await sweepAndDeliver(2);
      const digest = smtp.messages.find((m) => m.subject?.startsWith('Your LP Academy week'))!;
      expect(digest.to).toMatchObject({ text: 'morgan@example.test' });
      expect(digest.subject).toBe('Your LP Academy week 2026-W03: 1 overdue, 1 certificate(s) expiring');
      expect(digest.text).toContain('summary for Manhattan 5th Ave');
      expect(digest.text).toMatch(/- Sam Okafor \(Manhattan 5th Ave\): "Course \d+", due Monday, 12 January 2026/);
      expect(digest.text).toContain(
        '- Dana Reyes (Manhattan 5th Ave): LP Foundations, expires Wednesday, 4 February 2026',
      );
      expect(digest.text).toContain('- LP Foundations: 1 of 2');
      expect(digest.html).toContain('<strong>LP Foundations</strong>');

      // Next week brings the next digest; this week's stays sent once.
      clock.set(new Date(clock.now().getTime() + 7 * DAY));
      await planning.plan();
      expect((await notifications(NotificationKind.WEEKLY_DIGEST)).map((n) => n.offsetKey)).toEqual([
        '2026-W03',
        '2026-W04',
      ]);
    });

    it("lists in a digest the certificates expiring by the end of the 30th day in the store's zone, as HR's search does", async () => {
      // Sent on Thursday 15 January in New York: the 30th day from it is 14 February.
      await certify(holder, new Date('2026-02-15T04:00:00Z')); // 23:00 on 14 February in New York
      const colleague = await buildEmployee(dataSource, { storeId: store.id, firstName: 'Sam', lastName: 'Okafor' });
      await certify(colleague, new Date('2026-02-15T05:30:00Z')); // 00:30 on 15 February

      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect((await notifications(NotificationKind.WEEKLY_DIGEST)).map((n) => n.status)).toEqual([
          NotificationStatus.SENT,
        ]),
      );
      const digest = smtp.messages.find((m) => m.subject?.startsWith('Your LP Academy week'))!;
      expect(digest.text).toContain(
        '- Dana Reyes (Manhattan 5th Ave): LP Foundations, expires Saturday, 14 February 2026',
      );
      expect(digest.text).not.toContain('Sam Okafor');
    });

    it('dates each line of a digest as its store does, for a manager based in another zone', async () => {
      const headOffice = await buildStore(dataSource, { name: 'Paris head office', timezone: 'Europe/Paris' });
      await buildEmployee(dataSource, {
        storeId: headOffice.id,
        role: Role.STORE_MANAGER,
        managedStoreIds: [store.id],
        email: 'noor@example.test',
      });
      const officer = await buildProgram(dataSource, {
        name: 'LP Officer',
        renewalBasis: RenewalBasis.FIXED_DATE,
        fixedExpiryDate: '01-29',
      });
      await dataSource.transaction((m) =>
        worker.app.get(CertificationWriter).issue(m, {
          employeeId: holder.id,
          storeId: store.id,
          program: officer,
          earnedAt: new Date('2025-02-01T10:00:00Z'),
          source: CertificationSource.COMPLETION,
          actorId: null,
        }),
      );
      // Due at 22:00 on 12 January in New York: 04:00 on the 13th in Paris.
      await assignment(new Date('2026-01-13T03:00:00Z'));

      await planning.plan();
      await worker.app.get(NotificationSweep).sweep();
      await eventually(async () =>
        expect(
          (await notifications(NotificationKind.WEEKLY_DIGEST)).every((n) => n.status === NotificationStatus.SENT),
        ).toBe(true),
      );
      const digest = smtp.messages.find((m) => !Array.isArray(m.to) && m.to?.text === 'noor@example.test')!;
      // The end of 29 January in New York, as Dana's certificate says.
      expect(digest.text).toContain('- Dana Reyes (Manhattan 5th Ave): LP Officer, expires Thursday, 29 January 2026');
      expect(digest.text).toMatch(/- Dana Reyes \(Manhattan 5th Ave\): "Course \d+", due Monday, 12 January 2026/);
    });

    it("sends the week's digest from Monday morning in each manager's store, never on Sunday west of UTC", async () => {
      const westStore = await buildStore(dataSource, { name: 'Santa Monica', timezone: 'America/Los_Angeles' });
      const west = await buildEmployee(dataSource, {
        storeId: westStore.id,
        role: Role.STORE_MANAGER,
        email: 'west@example.test',
      });
      const eastStore = await buildStore(dataSource, { name: 'Shibuya', timezone: 'Asia/Tokyo' });
      const east = await buildEmployee(dataSource, {
        storeId: eastStore.id,
        role: Role.STORE_MANAGER,
        email: 'east@example.test',
      });
      const digestOf = async (recipient: EmployeeEntity) =>
        (await notifications(NotificationKind.WEEKLY_DIGEST)).find((n) => n.recipientId === recipient.id)!;

      // The week's first run: Monday 09:05 in Tokyo, still Sunday 16:05 in Los Angeles and 19:05 in New York.
      clock.set(new Date('2026-01-12T00:05:00Z'));
      expect(await planning.plan()).toMatchObject({ digests: 1 });
      expect(await digestOf(east)).toMatchObject({ offsetKey: '2026-W03', sendAfter: clock.now() });
      await sweepAndDeliver(1);
      expect(smtp.messages.map((m) => m.to)).toEqual([expect.objectContaining({ text: 'east@example.test' })]);

      // Monday begins at 05:00 UTC in New York (EST) and at 08:00 in Los Angeles (PST); each waits for 09:00 there.
      clock.set(new Date('2026-01-12T05:00:00Z'));
      expect(await planning.plan()).toMatchObject({ digests: 1 });
      clock.set(new Date('2026-01-12T08:00:00Z'));
      expect(await planning.plan()).toMatchObject({ digests: 1 });
      expect(await digestOf(manager)).toMatchObject({
        offsetKey: '2026-W03',
        sendAfter: new Date('2026-01-12T14:00:00Z'),
      });
      expect(await digestOf(west)).toMatchObject({
        offsetKey: '2026-W03',
        sendAfter: new Date('2026-01-12T17:00:00Z'),
      });

      // Later runs of the week plan nothing again.
      clock.set(new Date('2026-01-12T16:00:00Z'));
      expect(await planning.plan()).toMatchObject({ digests: 0 });
      clock.set(new Date('2026-01-12T17:00:00Z'));
      await sweepAndDeliver(3);
      expect(smtp.messages.map((m) => m.to)).toEqual(
        expect.arrayContaining([expect.objectContaining({ text: 'west@example.test' })]),
      );
    });

    it("gives a programme's fixed expiry date as that calendar day, east of UTC too", async () => {
      const paris = await buildStore(dataSource, { name: 'Paris Opéra', timezone: 'Europe/Paris' });
      const camille = await buildEmployee(dataSource, {
        storeId: paris.id,
        firstName: 'Camille',
        email: 'camille@example.test',
      });
      await buildEmployee(dataSource, { storeId: paris.id, role: Role.STORE_MANAGER, email: 'lea@example.test' });
      const officer = await buildProgram(dataSource, {
        name: 'LP Officer',
        renewalBasis: RenewalBasis.FIXED_DATE,
        fixedExpiryDate: '01-29',
      });
      const certification = await dataSource.transaction((m) =>
        worker.app.get(CertificationWriter).issue(m, {
          employeeId: camille.id,
          storeId: paris.id,
          program: officer,
          earnedAt: new Date('2025-02-01T10:00:00Z'),
          source: CertificationSource.COMPLETION,
          actorId: null,
        }),
      );
      // The end of 29 January in Paris, the holder's store.
      expect(certification.expiresAt).toEqual(new Date('2026-01-29T22:59:59Z'));

      // Thursday 16:00 in Paris, 14 days before the expiry day: Léa's digest and Camille's "14 days" reminder at once.
      await planning.plan();
      await sweepAndDeliver(3);
      const digest = smtp.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'lea@example.test')!;
      expect(digest.text).toContain('LP Officer, expires Thursday, 29 January 2026');
      const reminder = smtp.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'camille@example.test')!;
      expect(reminder.subject).toBe('Your LP Officer certificate expires on Thursday, 29 January 2026');
      expect(reminder.text).toContain('expires on Thursday, 29 January 2026, in 14 day(s)');
    });
  });
});
