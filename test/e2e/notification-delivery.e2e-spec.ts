import { Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource, In } from 'typeorm';
import { QueueName, setEnvironment } from '@lp/core';
import {
  type DeliverNotificationPayload,
  deliveryJobId,
  NotificationEntity,
  NotificationJob,
  NotificationKind,
  NotificationsConfig,
  NotificationPlanner,
  NotificationStatus,
  NotificationSubjectType,
  NotificationSweep,
  SWEEP_SCHEDULER_ID,
} from '@lp/notifications';
import { type EmployeeEntity, Role } from '@lp/organisation';
import {
  buildEmployee,
  buildStore,
  createTestApp,
  createTestWorker,
  deleteQueueKeys,
  eventually,
  graphql,
  type TestApp,
  type TestWorker,
  useMailingWorker,
} from '@lp/testing';

/** 10:00 in New York (EST): inside office hours. */
const MORNING_IN_NEW_YORK = new Date('2026-01-15T15:00:00Z');

describe('notification delivery', () => {
  const suite = useMailingWorker(MORNING_IN_NEW_YORK);
  const { smtp, clock } = suite;
  let worker: TestWorker;
  let dataSource: DataSource;
  let planner: NotificationPlanner;
  let sweep: NotificationSweep;
  let mailQueue: Queue<DeliverNotificationPayload>;
  let sweepQueue: Queue;
  let store: { id: number };

  beforeAll(() => {
    ({ worker, dataSource } = suite);
    planner = worker.app.get(NotificationPlanner);
    sweep = worker.app.get(NotificationSweep);
    mailQueue = worker.app.get(getQueueToken(QueueName.Mail));
    sweepQueue = worker.app.get(getQueueToken(QueueName.NotificationsSweep));
  });

  beforeEach(async () => {
    smtp.rejectWith = undefined;
    smtp.rejectCount = undefined;
    smtp.rejectCode = undefined;
    smtp.unknownMailboxes.clear();
    smtp.deferredMailboxes.clear();
    smtp.refuseConnections = undefined;
    smtp.rcptDelayMs = 0;
    store = await buildStore(dataSource, { name: 'Manhattan 5th Ave', timezone: 'America/New_York' });
  });

  afterEach(() => jest.restoreAllMocks());

  async function reminderFor(employee: EmployeeEntity, subjectId = 501, plannedAt = clock.now()): Promise<number> {
    await planner.plan(dataSource.manager, [
      {
        kind: NotificationKind.ASSIGNMENT_DUE,
        recipientId: employee.id,
        subjectType: NotificationSubjectType.ASSIGNMENT,
        subjectId,
        offsetKey: 'D7',
        plannedAt,
        templateData: { assignmentId: subjectId, courseTitle: 'CCTV basics', dueAt: '2026-01-22T22:00:00.000Z' },
      },
    ]);
    const row = await dataSource.getRepository(NotificationEntity).findOneByOrFail({ subjectId });
    return row.id;
  }

  const notification = (id: number) => dataSource.getRepository(NotificationEntity).findOneByOrFail({ id });

  async function awaitStatus(expected: number, status = NotificationStatus.SENT): Promise<NotificationEntity[]> {
    return eventually(async () => {
      const rows = await dataSource.getRepository(NotificationEntity).findBy({ status });
      expect(rows).toHaveLength(expected);
      return rows;
    });
  }

  /** Real time for queue work still in flight, so a second email would have arrived. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('sweeps a due notification onto the queue and delivers it over SMTP, then marks it sent', async () => {
    const employee = await buildEmployee(dataSource, {
      storeId: store.id,
      firstName: 'Dana',
      email: 'dana@example.test',
    });
    const id = await reminderFor(employee);

    expect(await sweep.sweep()).toEqual({ queued: 1, cancelled: 0 });

    await smtp.waitFor(1);
    const [email] = smtp.messages;
    expect(email.to).toMatchObject({ text: 'dana@example.test' });
    expect(email.subject).toBe('Reminder: "CCTV basics" is due on Thursday, 22 January 2026');
    expect(email.text).toContain('Hello Dana,');
    expect(email.text).toContain('Thursday, 22 January 2026 at 17:00 New York time (7 day(s) from now)');
    expect(email.text).toContain('https://academy.example.com/training/501');
    expect(email.html).toContain('href="https://academy.example.com/training/501"');
    expect(email.html).toContain('Manhattan 5th Ave');
    const [sent] = await awaitStatus(1);
    expect(sent).toMatchObject({ id, attempts: 1, sentAt: clock.now(), lastError: null });
    expect(sent.messageId).toBe(email.messageId);
  });

  it('holds a reminder due at 02:00 local until 09:00 local', async () => {
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    // 07:00 UTC is 02:00 in New York.
    clock.set(new Date('2026-01-16T07:00:00Z'));
    const id = await reminderFor(employee, 501, clock.now());

    expect(await sweep.sweep()).toEqual({ queued: 0, cancelled: 0 });
    clock.set(new Date('2026-01-16T13:59:00Z'));
    expect(await sweep.sweep()).toEqual({ queued: 0, cancelled: 0 });
    clock.set(new Date('2026-01-16T14:00:00Z'));
    expect(await sweep.sweep()).toEqual({ queued: 1, cancelled: 0 });

    await awaitStatus(1);
    expect((await notification(id)).sentAt).toEqual(new Date('2026-01-16T14:00:00Z'));
  });

  it('marks a message the server refuses for good (5xx) failed with its answer, without retrying', async () => {
    smtp.rejectWith = 'Message rejected as spam';
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const id = await reminderFor(employee);

    await sweep.sweep();

    const [failed] = await awaitStatus(1, NotificationStatus.FAILED);
    expect(failed.id).toBe(id);
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('550 Message rejected as spam');
    expect(failed.sentAt).toBeNull();
    await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('completed'));
    expect(smtp.messages).toHaveLength(0);
  });

  it('fails, with the answer, a reminder whose address the server refuses while it takes the copies', async () => {
    const manager = await buildEmployee(dataSource, {
      storeId: store.id,
      role: Role.STORE_MANAGER,
      email: 'manager@example.test',
    });
    const employee = await buildEmployee(dataSource, { storeId: store.id, email: 'left-the-domain@example.test' });
    smtp.unknownMailboxes.add('left-the-domain@example.test');
    await planner.plan(dataSource.manager, [
      {
        kind: NotificationKind.CERTIFICATION_EXPIRING,
        recipientId: employee.id,
        ccEmployeeIds: [manager.id],
        subjectType: NotificationSubjectType.CERTIFICATION,
        subjectId: 9,
        offsetKey: 'D1',
        plannedAt: clock.now(),
        templateData: { certificationId: 9, programName: 'LP Foundations', expiresAt: '2026-01-16T17:00:00.000Z' },
      },
    ]);

    await sweep.sweep();

    const [failed] = await awaitStatus(1, NotificationStatus.FAILED);
    expect(failed).toMatchObject({ attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(
      /^Not sent: the mail server refused left-the-domain@example\.test: 550 .*No such mailbox/,
    );
    await settle();
    // The copy went, once: sending again would copy the manager again.
    expect(smtp.messages.map((m) => m.cc)).toEqual([expect.objectContaining({ text: 'manager@example.test' })]);
  });

  it('keeps a notification while the server says "try later" beyond the job\'s retries, and sends it once it accepts', async () => {
    smtp.rejectWith = 'Too many messages, try again later';
    smtp.rejectCode = 451;
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const id = await reminderFor(employee);

    await sweep.sweep();
    await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('failed'));
    expect(await notification(id)).toMatchObject({ status: NotificationStatus.PENDING, attempts: 3 });
    expect((await notification(id)).lastError).toContain('451 Too many messages');

    smtp.rejectWith = undefined;
    expect(await sweep.sweep()).toMatchObject({ queued: 0 });
    clock.advanceMinutes(5);
    expect(await sweep.sweep()).toMatchObject({ queued: 1 });

    const [sent] = await awaitStatus(1);
    expect(sent).toMatchObject({ id, attempts: 4, lastError: null });
    await settle();
    expect(smtp.messages).toHaveLength(1);
  });

  it('marks a notification failed with the last error when the server said "try later" until its moment passed', async () => {
    smtp.rejectWith = 'Service not available';
    smtp.rejectCode = 421;
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const id = await reminderFor(employee);
    await sweep.sweep();
    await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('failed'));

    clock.advanceMinutes(25 * 60);
    expect(await sweep.sweep()).toEqual({ queued: 0, cancelled: 1 });

    const failed = await notification(id);
    expect(failed.status).toBe(NotificationStatus.FAILED);
    expect(failed.lastError).toMatch(
      /^Not sent: the moment to send it passed while sending kept failing; .*421 Service/,
    );
    expect(smtp.messages).toHaveLength(0);
  });

  it('loses nothing while SMTP is down: a later attempt sends it', async () => {
    smtp.rejectWith = 'Service not available';
    smtp.rejectCode = 421;
    smtp.rejectCount = 2;
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const id = await reminderFor(employee);

    await sweep.sweep();

    const [sent] = await awaitStatus(1);
    expect(sent).toMatchObject({ id, attempts: 3, lastError: null });
    await settle();
    expect(smtp.messages).toHaveLength(1);
  });

  it('sends over a few pooled SMTP connections, not one per email', async () => {
    const employees = await Promise.all(
      Array.from({ length: 12 }, () => buildEmployee(dataSource, { storeId: store.id })),
    );
    for (const [i, employee] of employees.entries()) await reminderFor(employee, 550 + i);

    await sweep.sweep();

    await awaitStatus(12);
    expect(smtp.connections).toBeLessThanOrEqual(5);
  });

  it('sends each notification once when three workers sweep at the same time', async () => {
    const others = [
      await createTestWorker({ clock, smtpUrl: smtp.url }),
      await createTestWorker({ clock, smtpUrl: smtp.url }),
    ];
    try {
      const employees = await Promise.all(
        Array.from({ length: 12 }, () => buildEmployee(dataSource, { storeId: store.id })),
      );
      for (const [i, employee] of employees.entries()) await reminderFor(employee, 600 + i);
      const sweeps = [worker, ...others].map((w) => w.app.get(NotificationSweep));

      await Promise.all([...sweeps, ...sweeps].map((s) => s.sweep()));

      await awaitStatus(12);
      await settle();
      expect(smtp.messages).toHaveLength(12);
      const recipients = smtp.messages.map((m) => (Array.isArray(m.to) ? '' : m.to?.text));
      expect(new Set(recipients)).toEqual(new Set(employees.map((e) => e.email)));
      const attempts = await dataSource.getRepository(NotificationEntity).find({ select: { attempts: true } });
      expect(attempts.every((row) => row.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(others.map((w) => w.close()));
    }
  });

  it('keeps to MAIL_RATE_PER_SECOND across all workers together', async () => {
    await worker.mailWorker.pause();
    setEnvironment({ MAIL_RATE_PER_SECOND: '5' });
    const limited = [
      await createTestWorker({ clock, smtpUrl: smtp.url }),
      await createTestWorker({ clock, smtpUrl: smtp.url }),
    ];
    setEnvironment({ MAIL_RATE_PER_SECOND: undefined });
    try {
      const employees = await Promise.all(
        Array.from({ length: 11 }, () => buildEmployee(dataSource, { storeId: store.id })),
      );
      for (const [i, employee] of employees.entries()) await reminderFor(employee, 650 + i);
      const started = Date.now();

      await sweep.sweep();

      await awaitStatus(11);
      // Five per second for both workers: the eleventh email waits for the third second.
      // Were the limit per worker, all eleven would be out in about one.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    } finally {
      await Promise.all(limited.map((w) => w.close()));
      worker.mailWorker.resume();
    }
  });

  it('loses nothing and sends nothing twice when Redis is flushed mid-run', async () => {
    const employees = await Promise.all(
      Array.from({ length: 6 }, () => buildEmployee(dataSource, { storeId: store.id })),
    );
    const inAnHour = new Date(clock.now().getTime() + 3_600_000);
    for (const [i, employee] of employees.entries()) {
      await reminderFor(employee, 700 + i, i < 3 ? clock.now() : inAnHour);
    }
    expect(await sweep.sweep()).toMatchObject({ queued: 3 });
    await awaitStatus(3);

    // The next three are queued while the worker is paused, then Redis loses everything.
    await worker.mailWorker.pause();
    clock.set(inAnHour);
    expect(await sweep.sweep()).toMatchObject({ queued: 3 });
    await sweep.schedule();
    await deleteQueueKeys();
    expect(await mailQueue.getJobCounts('waiting', 'completed')).toEqual({ waiting: 0, completed: 0 });
    expect(await sweepQueue.getJobScheduler(SWEEP_SCHEDULER_ID)).toBeUndefined();
    worker.mailWorker.resume();

    // The first sweep after the requeue delay finds the rows whose jobs Redis lost.
    expect(await sweep.sweep()).toMatchObject({ queued: 0 });
    clock.advanceMinutes(5);
    expect(await sweep.sweep()).toMatchObject({ queued: 3 });

    await awaitStatus(6);
    await settle();
    expect(smtp.messages).toHaveLength(6);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(6);
    // What every worker does now and then: the repeating sweep Redis lost is back.
    await sweep.schedule();
    expect(await sweepQueue.getJobScheduler(SWEEP_SCHEDULER_ID)).toMatchObject({ every: 60_000 });
  });

  it('delivers the rest when a worker dies mid-batch, and the dead one’s notification once its lease runs out', async () => {
    const employees = await Promise.all(
      Array.from({ length: 5 }, () => buildEmployee(dataSource, { storeId: store.id })),
    );
    const ids: number[] = [];
    for (const [i, employee] of employees.entries()) ids.push(await reminderFor(employee, 800 + i));
    await worker.mailWorker.pause();
    await sweep.sweep();

    // A worker claimed the third notification and died before sending it; BullMQ lost its job.
    await dataSource.getRepository(NotificationEntity).update(
      { id: ids[2] },
      {
        status: NotificationStatus.SENDING,
        claimedAt: clock.now(),
        attempts: 1,
        queueAfter: new Date(clock.now().getTime() + 15 * 60_000),
      },
    );
    await mailQueue.remove(deliveryJobId(ids[2]));
    worker.mailWorker.resume();

    await awaitStatus(4);
    expect((await notification(ids[2])).status).toBe(NotificationStatus.SENDING);
    clock.advanceMinutes(10);
    expect(await sweep.sweep()).toMatchObject({ queued: 0 });

    clock.advanceMinutes(5);
    expect(await sweep.sweep()).toMatchObject({ queued: 1 });
    await awaitStatus(5);
    expect((await notification(ids[2])).attempts).toBe(2);
    await settle();
    expect(smtp.messages).toHaveLength(5);
  });

  it('queues every due notification once when a sweep reads them in several batches of equal moments', async () => {
    jest.replaceProperty(worker.app.get(NotificationsConfig), 'NOTIFY_SWEEP_BATCH_SIZE', 10);
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const ids: number[] = [];
    for (let subjectId = 900; subjectId < 925; subjectId++) ids.push(await reminderFor(employee, subjectId));
    // Two of them claimed by a worker that died: their lease ran out at the moment the others are due.
    await dataSource
      .getRepository(NotificationEntity)
      .update(
        { id: In([ids[9], ids[20]]) },
        { status: NotificationStatus.SENDING, claimedAt: clock.now(), attempts: 1 },
      );
    await worker.mailWorker.pause();
    try {
      expect(await sweep.sweep()).toEqual({ queued: 25, cancelled: 0 });

      const jobs = await mailQueue.getWaiting();
      expect(jobs.map((job) => job.data.notificationId).sort((a, b) => a - b)).toEqual(ids);
      expect(await sweep.sweep()).toEqual({ queued: 0, cancelled: 0 });
    } finally {
      worker.mailWorker.resume();
    }
    await awaitStatus(25);
  });

  it('does nothing when a delivery job runs again for a notification already sent', async () => {
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const id = await reminderFor(employee);
    await sweep.sweep();
    await awaitStatus(1);

    // As BullMQ does with a stalled job: the same job runs a second time.
    await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('completed'));
    await mailQueue.remove(deliveryJobId(id));
    await mailQueue.add(NotificationJob.DeliverNotification, { notificationId: id }, { jobId: deliveryJobId(id) });

    await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('completed'));
    expect((await mailQueue.getJob(deliveryJobId(id)))?.returnvalue).toEqual({ result: 'skipped' });
    expect(smtp.messages).toHaveLength(1);
    expect((await notification(id)).attempts).toBe(1);
  });

  it('skips an employee without an email, with the reason and without retrying', async () => {
    const employee = await buildEmployee(dataSource, { storeId: store.id, email: null });
    const id = await reminderFor(employee);

    await sweep.sweep();

    const [failed] = await awaitStatus(1, NotificationStatus.FAILED);
    expect(failed).toMatchObject({ id, attempts: 1, lastError: 'Not sent: the employee has no email address' });
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends the managers their copy of a reminder to an employee without an email address', async () => {
    const manager = await buildEmployee(dataSource, {
      storeId: store.id,
      role: Role.STORE_MANAGER,
      email: 'manager@example.test',
    });
    const cashier = await buildEmployee(dataSource, { storeId: store.id, firstName: 'Dana', email: null });
    await planner.plan(dataSource.manager, [
      {
        kind: NotificationKind.CERTIFICATION_EXPIRING,
        recipientId: cashier.id,
        ccEmployeeIds: [manager.id],
        subjectType: NotificationSubjectType.CERTIFICATION,
        subjectId: 9,
        offsetKey: 'D1',
        plannedAt: clock.now(),
        templateData: { certificationId: 9, programName: 'LP Foundations', expiresAt: '2026-01-16T17:00:00.000Z' },
      },
    ]);

    await sweep.sweep();

    const [sent] = await awaitStatus(1);
    expect(sent).toMatchObject({
      attempts: 1,
      lastError: 'Sent to the copies only: the employee has no email address',
    });
    await settle();
    expect(smtp.messages.map((m) => m.to)).toEqual([expect.objectContaining({ text: 'manager@example.test' })]);
    expect(smtp.messages[0].text).toContain('Hello Dana,');
  });

  it('cancels instead of sending a reminder whose moment has long passed', async () => {
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const threeDaysAgo = new Date(clock.now().getTime() - 3 * 86_400_000);
    const id = await reminderFor(employee, 501, threeDaysAgo);

    expect(await sweep.sweep()).toEqual({ queued: 0, cancelled: 1 });

    expect(await notification(id)).toMatchObject({
      status: NotificationStatus.CANCELLED,
      lastError: 'Not sent: stale, the moment to send it has passed',
    });
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends nothing for a notification cancelled after it was queued', async () => {
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const id = await reminderFor(employee);
    await worker.mailWorker.pause();
    await sweep.sweep();

    await planner.cancelFor(dataSource.manager, NotificationSubjectType.ASSIGNMENT, 501);
    worker.mailWorker.resume();

    await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('completed'));
    expect((await notification(id)).status).toBe(NotificationStatus.CANCELLED);
    expect(smtp.messages).toHaveLength(0);
  });

  it('shows dates in UTC for a store whose timezone is unknown, and logs it', async () => {
    const lost = await buildStore(dataSource, { timezone: 'Atlantis/Capital' });
    const employee = await buildEmployee(dataSource, { storeId: lost.id });
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await reminderFor(employee);

    await sweep.sweep();

    await smtp.waitFor(1);
    expect(smtp.messages[0].text).toContain('Thursday, 22 January 2026 at 22:00 UTC');
    expect(warn).toHaveBeenCalledWith(
      { storeId: lost.id, timezone: 'Atlantis/Capital' },
      expect.stringMatching(/unknown timezone.*UTC/),
    );
  });

  it('copies the managers of the holder’s store', async () => {
    const manager = await buildEmployee(dataSource, {
      storeId: store.id,
      role: Role.STORE_MANAGER,
      email: 'manager@example.test',
    });
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    await planner.plan(dataSource.manager, [
      {
        kind: NotificationKind.CERTIFICATION_EXPIRING,
        recipientId: employee.id,
        ccEmployeeIds: [manager.id],
        subjectType: NotificationSubjectType.CERTIFICATION,
        subjectId: 9,
        offsetKey: 'D1',
        plannedAt: clock.now(),
        templateData: { certificationId: 9, programName: 'LP Foundations', expiresAt: '2026-01-16T17:00:00.000Z' },
      },
    ]);

    await sweep.sweep();

    await smtp.waitFor(1);
    expect(smtp.messages[0].cc).toMatchObject({ text: 'manager@example.test' });
    expect(smtp.messages[0].subject).toBe('Your LP Foundations certificate expires on Friday, 16 January 2026');
  });

  it('finishes the email it is sending when the worker shuts down', async () => {
    const leaving = await createTestWorker({ clock, smtpUrl: smtp.url });
    await worker.mailWorker.pause();
    smtp.delayMs = 700;
    try {
      const employee = await buildEmployee(dataSource, { storeId: store.id });
      const id = await reminderFor(employee);
      await sweep.sweep();
      await eventually(async () => expect((await notification(id)).status).toBe(NotificationStatus.SENDING));

      await leaving.close();

      expect(smtp.messages).toHaveLength(1);
      expect((await notification(id)).status).toBe(NotificationStatus.SENT);
    } finally {
      smtp.delayMs = 0;
      worker.mailWorker.resume();
    }
  });

  describe('when the mail server fails', () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await createTestApp();
    });
    afterAll(() => api.close());

    afterEach(async () => {
      if (!smtp.listening) await smtp.start();
    });

    /** What HR reads in the notifications log. */
    async function seenByHr(id: number): Promise<{ status: string; attempts: number; lastError: string | null }> {
      const hr = await buildEmployee(dataSource, { storeId: store.id, role: Role.HR });
      const response = await graphql(
        api.app,
        `
          {
            notifications(first: 100) {
              edges {
                node {
                  id
                  status
                  attempts
                  lastError
                }
              }
            }
          }
        `,
        {},
        api.tokenFor(hr),
      );
      expect(response.errors).toBeUndefined();
      const node = response.data!.notifications.edges.find((e: any) => e.node.id === String(id))?.node;
      return { status: node.status, attempts: node.attempts, lastError: node.lastError };
    }

    it('keeps a notification while the server is down, says so to HR, and sends it once when the server is back', async () => {
      await smtp.stop();
      const employee = await buildEmployee(dataSource, { storeId: store.id, email: 'dana@example.test' });
      const id = await reminderFor(employee);

      await sweep.sweep();
      await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('failed'));

      const seen = await seenByHr(id);
      expect(seen).toMatchObject({ status: 'PENDING', attempts: 3 });
      expect(seen.lastError).toMatch(/^The mail server could not be reached: .*ECONNREFUSED/);
      // The worker itself is fine: the notifications wait in the database for the server.
      const health = await request(worker.app.getHttpServer()).get('/health');
      expect(health.status).toBe(200);
      expect(health.body.info).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });

      await smtp.start();
      clock.advanceMinutes(5);
      expect(await sweep.sweep()).toMatchObject({ queued: 1 });

      const [sent] = await awaitStatus(1);
      expect(sent).toMatchObject({ id, attempts: 4, lastError: null });
      await settle();
      expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([['dana@example.test']]);
    });

    it('tries again while the server refuses connections with 421, and sends once it takes them', async () => {
      // Restarted first so that the worker's pooled connections go: the server refuses new ones.
      await smtp.stop();
      await smtp.start();
      smtp.refuseConnections = 'Too many connections, try again later';
      const employee = await buildEmployee(dataSource, { storeId: store.id });
      const id = await reminderFor(employee);

      await sweep.sweep();
      await eventually(async () =>
        expect((await notification(id)).lastError).toBe(
          'The mail server refused the connection: 421 Too many connections, try again later',
        ),
      );
      smtp.refuseConnections = undefined;

      const [sent] = await awaitStatus(1);
      expect(sent).toMatchObject({ id, lastError: null });
      await settle();
      expect(smtp.messages).toHaveLength(1);
    });

    it('fails at once a reminder to a mailbox the server does not know, naming the address for HR', async () => {
      const employee = await buildEmployee(dataSource, { storeId: store.id, email: 'gone@example.test' });
      smtp.unknownMailboxes.add('gone@example.test');
      const id = await reminderFor(employee);

      await sweep.sweep();

      await awaitStatus(1, NotificationStatus.FAILED);
      await eventually(async () => expect(await mailQueue.getJobState(deliveryJobId(id))).toBe('completed'));
      expect(await seenByHr(id)).toEqual({
        status: 'FAILED',
        attempts: 1,
        lastError: 'Not sent: the mail server refused gone@example.test: 550 5.1.1 No such mailbox',
      });
      expect(smtp.messages).toHaveLength(0);
    });

    it('holds up nobody for one refused, one malformed and one greylisted recipient', async () => {
      const people = await Promise.all(
        ['gone@example.test', '"john doe"@example.test', 'later@example.test', 'fine@example.test'].map((email) =>
          buildEmployee(dataSource, { storeId: store.id, email }),
        ),
      );
      smtp.unknownMailboxes.add('gone@example.test');
      smtp.deferredMailboxes.set('later@example.test', 1);
      const [gone, malformed, later, fine] = await Promise.all(
        people.map((person, i) => reminderFor(person, 1000 + i)),
      );

      await sweep.sweep();

      await awaitStatus(2);
      await awaitStatus(2, NotificationStatus.FAILED);
      expect(await notification(gone)).toMatchObject({ status: NotificationStatus.FAILED, attempts: 1 });
      expect(await notification(malformed)).toMatchObject({ status: NotificationStatus.FAILED, attempts: 1 });
      expect((await notification(malformed)).lastError).toMatch(/refused "john doe"@example\.test: 501 /);
      expect(await notification(later)).toMatchObject({ status: NotificationStatus.SENT, attempts: 2 });
      expect(await notification(fine)).toMatchObject({ status: NotificationStatus.SENT, attempts: 1 });
      await settle();
      expect(smtp.messages.map((m) => m.envelopeTo).sort()).toEqual([['fine@example.test'], ['later@example.test']]);
    });

    it('sends to the recipient and tells HR which copy the server refused', async () => {
      const manager = await buildEmployee(dataSource, {
        storeId: store.id,
        role: Role.STORE_MANAGER,
        email: 'old-manager@example.test',
      });
      const employee = await buildEmployee(dataSource, { storeId: store.id, email: 'dana@example.test' });
      smtp.unknownMailboxes.add('old-manager@example.test');
      await planner.plan(dataSource.manager, [
        {
          kind: NotificationKind.CERTIFICATION_EXPIRING,
          recipientId: employee.id,
          ccEmployeeIds: [manager.id],
          subjectType: NotificationSubjectType.CERTIFICATION,
          subjectId: 9,
          offsetKey: 'D1',
          plannedAt: clock.now(),
          templateData: { certificationId: 9, programName: 'LP Foundations', expiresAt: '2026-01-16T17:00:00.000Z' },
        },
      ]);

      await sweep.sweep();

      const [sent] = await awaitStatus(1);
      expect(await seenByHr(sent.id)).toEqual({
        status: 'SENT',
        attempts: 1,
        lastError: 'Not copied: the mail server refused old-manager@example.test: 550 5.1.1 No such mailbox',
      });
      expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([['dana@example.test']]);
    });

    it('keeps to the column, and sends once, when the server refuses a long list of copies', async () => {
      const managers = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          buildEmployee(dataSource, {
            storeId: store.id,
            role: Role.STORE_MANAGER,
            email: `a-manager-who-left-long-ago-${i}@example.test`,
          }),
        ),
      );
      for (const manager of managers) smtp.unknownMailboxes.add(manager.email!);
      const employee = await buildEmployee(dataSource, { storeId: store.id });
      await planner.plan(dataSource.manager, [
        {
          kind: NotificationKind.CERTIFICATION_EXPIRING,
          recipientId: employee.id,
          ccEmployeeIds: [],
          subjectType: NotificationSubjectType.CERTIFICATION,
          subjectId: 9,
          offsetKey: 'D1',
          plannedAt: clock.now(),
          templateData: { certificationId: 9, programName: 'LP Foundations', expiresAt: '2026-01-16T17:00:00.000Z' },
        },
      ]);

      await sweep.sweep();

      const [sent] = await awaitStatus(1);
      expect(sent.attempts).toBe(1);
      expect(sent.lastError).toHaveLength(1000);
      expect(sent.lastError).toMatch(/^Not copied: the mail server refused a-manager-who-left-long-ago-\d+@/);
      await settle();
      expect(smtp.messages).toHaveLength(1);
    });

    it('tries a greylisted recipient again, without copying the managers twice', async () => {
      const manager = await buildEmployee(dataSource, {
        storeId: store.id,
        role: Role.STORE_MANAGER,
        email: 'manager@example.test',
      });
      const employee = await buildEmployee(dataSource, { storeId: store.id, email: 'later@example.test' });
      smtp.deferredMailboxes.set('later@example.test', 1);
      await planner.plan(dataSource.manager, [
        {
          kind: NotificationKind.CERTIFICATION_EXPIRING,
          recipientId: employee.id,
          ccEmployeeIds: [manager.id],
          subjectType: NotificationSubjectType.CERTIFICATION,
          subjectId: 9,
          offsetKey: 'D1',
          plannedAt: clock.now(),
          templateData: { certificationId: 9, programName: 'LP Foundations', expiresAt: '2026-01-16T17:00:00.000Z' },
        },
      ]);

      await sweep.sweep();

      const [sent] = await awaitStatus(1);
      expect(sent).toMatchObject({ attempts: 2, lastError: null });
      await settle();
      expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([['manager@example.test'], ['later@example.test']]);
    });

    describe('that hangs', () => {
      let patient: TestWorker | undefined;

      beforeEach(async () => {
        setEnvironment({ SMTP_TIMEOUT_SECONDS: '1' });
        patient = await createTestWorker({ clock, smtpUrl: smtp.url });
        setEnvironment({ SMTP_TIMEOUT_SECONDS: undefined });
        await worker.mailWorker.pause();
      });

      afterEach(async () => {
        await patient?.close();
        worker.mailWorker.resume();
      });

      it('gives up on an answer after SMTP_TIMEOUT_SECONDS and sends on a later attempt', async () => {
        smtp.rcptDelayMs = 3000;
        const employee = await buildEmployee(dataSource, { storeId: store.id });
        const id = await reminderFor(employee);

        await sweep.sweep();
        await eventually(async () => expect((await notification(id)).lastError).toMatch(/timed out|timeout/i), 3000);
        smtp.rcptDelayMs = 0;

        const [sent] = await awaitStatus(1);
        expect(sent).toMatchObject({ id, lastError: null });
        await settle();
        expect(smtp.messages).toHaveLength(1);
      });

      it('lets a worker stop within SMTP_TIMEOUT_SECONDS while its send hangs, and another sends it once', async () => {
        smtp.rcptDelayMs = 5000;
        const employee = await buildEmployee(dataSource, { storeId: store.id });
        const id = await reminderFor(employee);
        await sweep.sweep();
        await eventually(async () => expect((await notification(id)).status).toBe(NotificationStatus.SENDING));

        const stopping = Date.now();
        await patient!.close();
        patient = undefined;

        expect(Date.now() - stopping).toBeLessThan(2500);
        expect(await notification(id)).toMatchObject({ status: NotificationStatus.PENDING, attempts: 1 });
        smtp.rcptDelayMs = 0;
        worker.mailWorker.resume();
        const [sent] = await awaitStatus(1);
        expect(sent).toMatchObject({ id, attempts: 2 });
        await settle();
        expect(smtp.messages).toHaveLength(1);
      });
    });
  });
});
