import type { DataSource } from 'typeorm';
import { NotificationEntity, NotificationKind, NotificationSweep } from '@lp/notifications';
import { Role } from '@lp/organisation';
import { ReminderPlanning } from '@lp/reminders';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildStore,
  type TestWorker,
  useMailingWorker,
} from '@lp/testing';
import { ReminderPlanningProcessor } from '../../apps/worker/src/processors/reminder-planning.processor';

const HOUR = 3_600_000;

/**
 * Reminders fall on the days of the store's calendar, whatever its clocks do: the days
 * around a change of the clocks, half-hour changes, zones far ahead of UTC. The worker's
 * sending window is 09:00-17:00 local (the default).
 */
describe("reminders on the store's calendar", () => {
  const suite = useMailingWorker(new Date('2026-01-05T12:00:00Z'));
  const { smtp, clock } = suite;
  let worker: TestWorker;
  let dataSource: DataSource;
  let planning: ReminderPlanning;

  beforeAll(async () => {
    ({ worker, dataSource } = suite);
    planning = worker.app.get(ReminderPlanning);
    // The tests run the planning at the clock's moments; the worker's own runs wait.
    await worker.app.get(ReminderPlanningProcessor).worker.pause();
  });

  /** Runs the planning as the worker would, from now every `everyHours`, the last run at `until`. */
  async function planUntil(until: string, everyHours = 6): Promise<void> {
    const end = new Date(until).getTime();
    for (;;) {
      await planning.plan();
      if (clock.now().getTime() >= end) return;
      clock.set(new Date(Math.min(clock.now().getTime() + everyHours * HOUR, end)));
    }
  }

  const planned = async (kind: string) =>
    (await dataSource.getRepository(NotificationEntity).find({ where: { kind }, order: { id: 'ASC' } })).map((n) => ({
      recipientId: n.recipientId,
      offsetKey: n.offsetKey,
      plannedAt: n.plannedAt.toISOString(),
      sendAfter: n.sendAfter.toISOString(),
    }));

  async function learnerDueAt(timezone: string, dueAt: string, email?: string) {
    const store = await buildStore(dataSource, { timezone });
    const learner = await buildEmployee(dataSource, { storeId: store.id, firstName: 'Dana', email });
    const { course } = await buildCourse(dataSource);
    await buildAssignment(dataSource, { employeeId: learner.id, courseId: course.id, dueAt: new Date(dueAt) });
    return learner;
  }

  describe('"due in N days"', () => {
    it('goes out N days before the due day, across the night the clocks go forward in New York', async () => {
      // Due at the end of Tuesday 10 March 2026 in New York (23:59 EDT); the clocks went forward on the 8th.
      clock.set(new Date('2026-03-01T12:00:00Z'));
      await learnerDueAt('America/New_York', '2026-03-11T03:59:00Z', 'dana@example.test');

      await planUntil('2026-03-03T14:00:00Z');
      await worker.app.get(NotificationSweep).sweep();
      await smtp.waitFor(1);
      await planUntil('2026-03-09T13:00:00Z');
      await worker.app.get(NotificationSweep).sweep();
      await smtp.waitFor(2);

      expect(await planned(NotificationKind.ASSIGNMENT_DUE)).toEqual([
        // From the start of 3 March (EST), sent at 09:00 that day.
        expect.objectContaining({
          offsetKey: 'D7@2026-03-11',
          plannedAt: '2026-03-03T05:00:00.000Z',
          sendAfter: '2026-03-03T14:00:00.000Z',
        }),
        // From the start of 9 March (EDT), sent at 09:00 that day, not on the due day.
        expect.objectContaining({
          offsetKey: 'D1@2026-03-11',
          plannedAt: '2026-03-09T04:00:00.000Z',
          sendAfter: '2026-03-09T13:00:00.000Z',
        }),
      ]);
      expect(smtp.messages.map((m) => m.text)).toEqual([
        expect.stringContaining('is due on Tuesday, 10 March 2026 at 23:59 New York time (7 day(s) from now)'),
        expect.stringContaining('is due on Tuesday, 10 March 2026 at 23:59 New York time (1 day(s) from now)'),
      ]);
    });

    it('goes out N days before the due day across the night the clocks go back in London, at the end of a month', async () => {
      // Due at the end of Saturday 31 October 2026 in London (GMT); the clocks go back on the 25th.
      clock.set(new Date('2026-10-20T12:00:00Z'));
      await learnerDueAt('Europe/London', '2026-10-31T23:59:00Z');

      await planUntil('2026-10-31T12:00:00Z');

      expect(await planned(NotificationKind.ASSIGNMENT_DUE)).toEqual([
        // 09:00 BST on 24 October, then 09:00 GMT on the 30th.
        expect.objectContaining({ offsetKey: 'D7@2026-10-31', sendAfter: '2026-10-24T08:00:00.000Z' }),
        expect.objectContaining({ offsetKey: 'D1@2026-10-31', sendAfter: '2026-10-30T09:00:00.000Z' }),
      ]);
    });

    it('goes out the day before in zones far ahead of UTC and on a half-hour change of the clocks', async () => {
      clock.set(new Date('2026-03-01T12:00:00Z'));
      // The end of 10 March in Kiritimati (UTC+14) is 09:59 UTC that day.
      const kiritimati = await learnerDueAt('Pacific/Kiritimati', '2026-03-10T09:59:00Z');
      // The end of 6 April in Lord Howe (UTC+10:30 from 02:00 on 5 April, when the clocks go back half an hour).
      const lordHowe = await learnerDueAt('Australia/Lord_Howe', '2026-04-06T13:29:00Z');
      // The end of 10 March in Kolkata (UTC+05:30).
      const kolkata = await learnerDueAt('Asia/Kolkata', '2026-03-10T18:29:00Z');

      await planUntil('2026-04-06T00:00:00Z', 12);

      const dayBefore = (recipientId: number) =>
        planned(NotificationKind.ASSIGNMENT_DUE).then((rows) =>
          rows.find((row) => row.recipientId === recipientId && row.offsetKey.startsWith('D1@')),
        );
      // 09:00 on 9 March in Kiritimati is 19:00 UTC on the 8th.
      expect(await dayBefore(kiritimati.id)).toMatchObject({ sendAfter: '2026-03-08T19:00:00.000Z' });
      // 09:00 on 5 April in Lord Howe, after the clocks went back (UTC+10:30).
      expect(await dayBefore(lordHowe.id)).toMatchObject({
        plannedAt: '2026-04-04T13:00:00.000Z',
        sendAfter: '2026-04-04T22:30:00.000Z',
      });
      expect(await dayBefore(kolkata.id)).toMatchObject({ sendAfter: '2026-03-09T03:30:00.000Z' });
    });
  });

  describe('the weekly digest', () => {
    it("goes out on Monday morning in each manager's store, east of UTC too", async () => {
      const managerIn = async (timezone: string) =>
        buildEmployee(dataSource, {
          storeId: (await buildStore(dataSource, { timezone })).id,
          role: Role.STORE_MANAGER,
        });
      const auckland = await managerIn('Pacific/Auckland');
      const kiritimati = await managerIn('Pacific/Kiritimati');
      const newYork = await managerIn('America/New_York');

      // Wednesday 7 January: this week's digests; then hourly runs over the weekend into Monday 12 January.
      clock.set(new Date('2026-01-07T12:00:00Z'));
      await planning.plan();
      clock.set(new Date('2026-01-10T00:00:00Z'));
      await planUntil('2026-01-12T18:00:00Z', 1);

      const digests = (await planned(NotificationKind.WEEKLY_DIGEST)).filter((row) => row.offsetKey === '2026-W03');
      expect(digests).toEqual([
        // 09:00 on Monday in Kiritimati (UTC+14) and Auckland (NZDT, UTC+13) is still Sunday in UTC.
        expect.objectContaining({ recipientId: kiritimati.id, sendAfter: '2026-01-11T19:00:00.000Z' }),
        expect.objectContaining({ recipientId: auckland.id, sendAfter: '2026-01-11T20:00:00.000Z' }),
        expect.objectContaining({ recipientId: newYork.id, sendAfter: '2026-01-12T14:00:00.000Z' }),
      ]);
      // One a week each.
      expect((await planned(NotificationKind.WEEKLY_DIGEST)).map((row) => row.offsetKey).sort()).toEqual([
        '2026-W02',
        '2026-W02',
        '2026-W02',
        '2026-W03',
        '2026-W03',
        '2026-W03',
      ]);
    });
  });
});
