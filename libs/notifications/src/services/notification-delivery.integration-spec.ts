import { Test } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import {
  AppConfig,
  Clock,
  ClockModule,
  ConfigModule,
  DatabaseConfig,
  DatabaseModule,
  MailConfig,
  MailModule,
  ManualClock,
  setEnvironment,
} from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { buildEmployee, buildStore, lockWaitsOn, prepareTestEnvironment, SmtpCapture, truncateAll } from '@lp/testing';
import { NotificationEntity, NotificationStatus } from '../entities';
import { NotificationKind, NotificationSubjectType } from '../notification-kind';
import { NotificationsConfig } from '../notifications.config';
import { NotificationsModule } from '../notifications.module';
import { NotificationTemplates } from '../templates/notification-templates.service';
import { NotificationDelivery } from './notification-delivery.service';

/** A year of HR standing in for a chain's stores: its escalations are never purged. */
const HISTORY = 50_000;

describe('claiming a stand-in’s escalations together', () => {
  const now = new Date('2027-01-08T14:00:00Z');
  const clock = new ManualClock(now);
  const smtp = new SmtpCapture();
  let dataSource: DataSource;
  let delivery: NotificationDelivery;
  let close: () => Promise<void>;
  let hrId: number;
  let otherId: number;

  beforeAll(async () => {
    await prepareTestEnvironment();
    await smtp.start();
    setEnvironment({ SMTP_URL: smtp.url });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot([AppConfig, DatabaseConfig, MailConfig, NotificationsConfig]),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        NotificationsModule,
        MailModule,
      ],
      providers: [NotificationDelivery],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    delivery = moduleRef.get(NotificationDelivery);
    // The escalation template (libs/reminders) reads the assignments; this one sends any row, one line each.
    moduleRef.get(NotificationTemplates).register({
      kind: NotificationKind.ESCALATION,
      subject: 'Overdue {{subjectId}}',
      text: 'Overdue {{subjectId}}',
      html: '<p>Overdue {{subjectId}}</p>',
      together: {
        subject: '{{count}} overdue',
        text: '{{#each items}}- {{subjectId}}\n{{/each}}',
        html: '<ul>{{#each items}}<li>{{subjectId}}</li>{{/each}}</ul>',
      },
    });
    close = () => moduleRef.close();

    await truncateAll(dataSource);
    const store = await buildStore(dataSource);
    hrId = (await buildEmployee(dataSource, { storeId: store.id })).id;
    otherId = (await buildEmployee(dataSource, { storeId: store.id })).id;
  });

  afterAll(async () => {
    await truncateAll(dataSource);
    await close();
    await smtp.stop();
    setEnvironment({ SMTP_URL: undefined });
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM notifications');
    smtp.clear();
    await sentHistory(hrId, HISTORY);
  });

  /** `count` escalations already sent to the recipient, about subjects 1…count. */
  async function sentHistory(recipientId: number, count: number): Promise<void> {
    const sentAt = new Date(now.getTime() - 86_400_000);
    for (let from = 1; from <= count; from += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, count - from + 1) }, (_, i) => [
        NotificationKind.ESCALATION,
        recipientId,
        NotificationSubjectType.ASSIGNMENT,
        from + i,
        'ESCALATE@2026-01-01',
        sentAt,
        sentAt,
        sentAt,
        sentAt,
        NotificationStatus.SENT,
        sentAt,
        sentAt,
      ]);
      await dataSource.query(
        `INSERT INTO notifications (kind, recipient_id, subject_type, subject_id, offset_key, planned_at, send_after,
           expires_at, queue_after, status, sent_at, created_at) VALUES ?`,
        [rows],
      );
    }
  }

  /** A pending escalation about `subjectId`, due from `sendAfter` (now unless said). */
  async function pending(recipientId: number, subjectId: number, sendAfter = now): Promise<number> {
    const result = await dataSource.getRepository(NotificationEntity).insert({
      kind: NotificationKind.ESCALATION,
      recipientId,
      subjectType: NotificationSubjectType.ASSIGNMENT,
      subjectId,
      offsetKey: 'ESCALATE@2027-01-07',
      plannedAt: sendAfter,
      sendAfter,
      expiresAt: new Date(sendAfter.getTime() + 86_400_000),
      queueAfter: sendAfter,
      createdAt: now,
      templateData: { subjectId },
    });
    return Number(result.identifiers[0].id);
  }

  const statuses = async (ids: number[]) =>
    (await dataSource.getRepository(NotificationEntity).find({ where: { id: In(ids) }, order: { id: 'ASC' } })).map(
      (row) => row.status,
    );

  const sentCount = async (recipientId: number) =>
    dataSource.getRepository(NotificationEntity).countBy({ recipientId, status: NotificationStatus.SENT });

  it('sends only the recipient’s due ones in one email, however long their history', async () => {
    const due = [await pending(hrId, HISTORY + 1), await pending(hrId, HISTORY + 2), await pending(hrId, HISTORY + 3)];
    const tomorrows = await pending(hrId, HISTORY + 4, new Date(now.getTime() + 86_400_000));
    const someoneElses = await pending(otherId, 7);

    expect(await delivery.deliver(due[1])).toMatchObject({ result: 'sent' });

    expect(smtp.messages.map((message) => message.subject)).toEqual(['3 overdue']);
    expect(await statuses(due)).toEqual(Array(3).fill(NotificationStatus.SENT));
    expect(await statuses([tomorrows, someoneElses])).toEqual([NotificationStatus.PENDING, NotificationStatus.PENDING]);
    expect(await sentCount(hrId)).toBe(HISTORY + 3);
    // The others' jobs find theirs taken.
    expect(await delivery.deliver(due[0])).toEqual({ result: 'skipped' });
    expect(await delivery.deliver(due[2])).toEqual({ result: 'skipped' });
  });

  /** Others' escalations due this morning, written before HR's. */
  async function othersDue(count: number): Promise<void> {
    for (let subjectId = 1; subjectId <= count; subjectId++) await pending(otherId, subjectId);
  }

  /** What the transactions waiting for a lock hold: rows locked, each. */
  async function rowsLockedByWaiting(): Promise<number[]> {
    const rows = (await dataSource.query(
      "SELECT trx_rows_locked AS locked FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'",
    )) as { locked: string }[];
    return rows.map((row) => Number(row.locked));
  }

  it('locks only the due ones while it claims them: the planner adds an escalation for the recipient meanwhile', async () => {
    await othersDue(200);
    const due = [await pending(hrId, HISTORY + 1), await pending(hrId, HISTORY + 2), await pending(hrId, HISTORY + 3)];
    const otherJob = dataSource.createQueryRunner();
    const planner = dataSource.createQueryRunner();
    try {
      // Another worker holds the last of them: the claim's transaction stays open, waiting for it.
      await otherJob.startTransaction();
      await otherJob.query('SELECT id FROM notifications WHERE id = ? FOR UPDATE', [due[2]]);
      const delivered = delivery.deliver(due[0]);
      expect(await lockWaitsOn(dataSource, 'notifications')).toBe(true);
      // Its three at most (the last waited for): not HR's history, nor the others' due this morning.
      const locked = await rowsLockedByWaiting();
      expect(locked).toHaveLength(1);
      expect(locked[0]).toBeLessThanOrEqual(due.length);

      // A new escalation for HR, keyed among the history's subjects, goes in at once.
      await planner.query('SET SESSION innodb_lock_wait_timeout = 2');
      await planner.query(
        `INSERT INTO notifications (kind, recipient_id, subject_type, subject_id, offset_key, planned_at, send_after,
           expires_at, queue_after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          NotificationKind.ESCALATION,
          hrId,
          NotificationSubjectType.ASSIGNMENT,
          HISTORY / 2,
          'ESCALATE@2027-01-08',
          now,
          tomorrowsMorning(),
          tomorrowsMorning(),
          tomorrowsMorning(),
          now,
        ],
      );

      await otherJob.rollbackTransaction();
      expect(await delivered).toMatchObject({ result: 'sent' });
      expect(smtp.messages.map((message) => message.subject)).toEqual(['3 overdue']);
      expect(await statuses(due)).toEqual(Array(3).fill(NotificationStatus.SENT));
    } finally {
      if (otherJob.isTransactionActive) await otherJob.rollbackTransaction();
      await otherJob.release();
      await planner.release();
    }
  });

  it('does not wait for the planner still writing escalations for the recipient', async () => {
    await othersDue(20);
    const due = [await pending(hrId, HISTORY + 1), await pending(hrId, HISTORY + 2)];
    const planner = dataSource.createQueryRunner();
    try {
      await planner.startTransaction();
      await planner.query(
        `INSERT INTO notifications (kind, recipient_id, subject_type, subject_id, offset_key, planned_at, send_after,
           expires_at, queue_after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          NotificationKind.ESCALATION,
          hrId,
          NotificationSubjectType.ASSIGNMENT,
          HISTORY + 3,
          'ESCALATE@2027-01-08',
          now,
          tomorrowsMorning(),
          tomorrowsMorning(),
          tomorrowsMorning(),
          now,
        ],
      );

      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<'waited'>((resolve) => (timer = setTimeout(() => resolve('waited'), 5_000)));
      const outcome = await Promise.race([delivery.deliver(due[0]), waited]);
      clearTimeout(timer);
      expect(outcome).toMatchObject({ result: 'sent' });
      expect(smtp.messages.map((message) => message.subject)).toEqual(['2 overdue']);
    } finally {
      if (planner.isTransactionActive) await planner.rollbackTransaction();
      await planner.release();
    }
  });

  function tomorrowsMorning(): Date {
    return new Date(now.getTime() + 86_400_000);
  }
});
