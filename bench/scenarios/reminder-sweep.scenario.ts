import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ManualClock, QueueName, RedisConfig, queueConnection, readConfig } from '@lp/core';
import { DEFAULT_DELIVERY_RETRY_POLICY, NotificationJob, NotificationSweep, deliveryJobId } from '@lp/notifications';
import { type PlanningResult, ReminderPlanning } from '@lp/reminders';
import type { Scenario } from '../lib/context';
import { rateRow } from '../lib/results';
import { createWorkerContext } from '../lib/worker-context';

/** Jobs the bare queue adds (and removes) before it is timed, as the planning is warmed up. */
const WARM_UP_JOBS = 1000;

const seconds = (since: number) => (performance.now() - since) / 1000;

const reminders = (planned: PlanningResult) =>
  planned.due + planned.overdue + planned.escalations + planned.expiring + planned.expired;

/**
 * 4: a day of reminders on the generated chain: the worker's planning run (refreshers,
 * assignment and certification reminders, digests), then its sweep every hour for a day,
 * each queueing what came due (what it queued is then marked sent, as the mail worker
 * would), vs one bare BullMQ addBulk of as many jobs. Only planning and sweeps are timed,
 * each side after a warm-up: one planning run, a thousand bare jobs. A second planning run
 * at the first one's moment, as the worker's next would be, is timed for the note only.
 * Notifications are the bench's own: none before, none left after.
 */
export const reminderSweepScenario: Scenario = {
  name: '4 reminders: a day planned and queued vs bare addBulk',
  target: 0.5,
  nextStep: 'check Redis (REDIS_URL) and run npm run bench:data first',
  async run(context) {
    // TRUNCATE, not DELETE: MariaDB purges deleted rows in the background, and purging a
    // previous run's ~76,000 notifications would take its CPU from the planning timed next.
    const clearNotifications = () => context.dataSource.query('TRUNCATE TABLE notifications');
    const clock = new ManualClock(new Date());
    const worker = await createWorkerContext(clock);
    const bare = new Queue('bench-bare-mail', queueConnection(readConfig(RedisConfig)));
    try {
      // Warm-up, as the HTTP scenarios have: the worker plans every 15 minutes, so a run in a
      // process that has already planned (JIT, pool) is the usual one. Refreshers it assigns
      // stay, so the timed run assigns none; the note says how many the warm-up did.
      const warmUp = await worker.get(ReminderPlanning).plan();
      await clearNotifications();
      const planStarted = performance.now();
      const planned = await worker.get(ReminderPlanning).plan();
      const planSeconds = seconds(planStarted);
      const plannedAt = clock.now();

      const swept = { queued: 0, cancelled: 0 };
      let sweepSeconds = 0;
      const sweep = worker.get(NotificationSweep);
      for (let hour = 0; hour <= 24; hour++) {
        if (hour > 0) clock.advanceMinutes(60);
        const sweepStarted = performance.now();
        const { queued, cancelled } = await sweep.sweep();
        sweepSeconds += seconds(sweepStarted);
        swept.queued += queued;
        swept.cancelled += cancelled;
        // What the sweep queued has its recheck pushed past its send time; delivered, it would be SENT.
        await context.dataSource.query(
          "UPDATE notifications SET status = 'SENT', sent_at = ? WHERE status = 'PENDING' AND queue_after > send_after",
          [clock.now()],
        );
      }
      if (swept.queued === 0) throw new Error('the planning run found no reminder due within a day');

      const jobs = Array.from({ length: swept.queued }, (_, i) => ({
        name: NotificationJob.DeliverNotification,
        data: { notificationId: i + 1 },
        opts: { jobId: deliveryJobId(i + 1), ...DEFAULT_DELIVERY_RETRY_POLICY },
      }));
      await bare.addBulk(jobs.slice(0, WARM_UP_JOBS));
      await bare.obliterate({ force: true });
      const bareStarted = performance.now();
      await bare.addBulk(jobs);
      const bareSeconds = seconds(bareStarted);

      // Not in the ratio: what every later run of the day costs, finding its reminders planned.
      clock.set(plannedAt);
      const againStarted = performance.now();
      const plannedAgain = await worker.get(ReminderPlanning).plan();
      const againSeconds = seconds(againStarted);

      const ours = planSeconds + sweepSeconds;
      return [
        rateRow(
          this.name,
          'jobs/s',
          swept.queued / ours,
          swept.queued / bareSeconds,
          this.target!,
          `${swept.queued} reminders queued in ${ours.toFixed(2)} s (planning ${planSeconds.toFixed(2)} s: ` +
            `${reminders(planned)} reminders, ${planned.digests} digests, ${warmUp.refreshers} refreshers and ${warmUp.lapsedCourses} lapsed holders' courses assigned in the warm-up; ` +
            `25 hourly sweeps ${sweepSeconds.toFixed(2)} s, ${swept.cancelled} past their time) vs ${bareSeconds.toFixed(2)} s; ` +
            `planning again ${againSeconds.toFixed(2)} s (${reminders(plannedAgain) + plannedAgain.digests} new), not in the ratio`,
        ),
      ];
    } finally {
      await bare.obliterate({ force: true });
      await bare.close();
      await worker.get<Queue>(getQueueToken(QueueName.Mail), { strict: false }).obliterate({ force: true });
      await clearNotifications();
      await worker.close();
    }
  },
};
