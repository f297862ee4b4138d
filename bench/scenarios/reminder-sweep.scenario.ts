import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName, RedisConfig, queueConnection, readConfig } from '@lp/core';
import { NotificationJob, NotificationKind, NotificationSweep, deliveryJobId } from '@lp/notifications';
import { insertRows } from '../data/bulk-insert';
import type { BenchContext, Scenario } from '../lib/context';
import { rateRow } from '../lib/results';
import { createWorkerContext } from '../lib/worker-context';
import { sampleLearners } from './learners';

const NOTIFICATION_COLUMNS = [
  'kind',
  'recipient_id',
  'subject_type',
  'subject_id',
  'offset_key',
  'planned_at',
  'send_after',
  'expires_at',
  'queue_after',
  'status',
  'template_data',
  'created_at',
];

/** N reminders due now, as the planner leaves them (queue_after = send_after); marked with `offsetKey` to remove them after. */
async function insertDueReminders(context: BenchContext, count: number, offsetKey: string): Promise<void> {
  const recipients = await sampleLearners(context.dataSource, 1000);
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => [
    NotificationKind.ASSIGNMENT_DUE,
    recipients[i % recipients.length],
    'ASSIGNMENT',
    i + 1,
    offsetKey,
    new Date(now - 3_600_000),
    new Date(now - 3_600_000),
    new Date(now + 86_400_000),
    new Date(now - 3_600_000),
    'PENDING',
    JSON.stringify({ courseTitle: 'LP Basics', dueAt: new Date(now + 7 * 86_400_000).toISOString() }),
    new Date(now),
  ]);
  const runner = context.dataSource.createQueryRunner();
  try {
    await insertRows(runner, 'notifications', NOTIFICATION_COLUMNS, rows);
  } finally {
    await runner.release();
  }
}

/**
 * 4: the notifications sweep queueing N due reminders (batched reads, state checks, addBulk,
 * postponing) vs one bare BullMQ addBulk of the same N jobs, under a queue prefix of its own.
 */
export const reminderSweepScenario: Scenario = {
  name: '4 reminder sweep vs bare addBulk',
  target: 0.5,
  nextStep: 'check Redis (REDIS_URL) and run npm run bench:data first',
  async run(context) {
    const count = context.settings.sweepJobs;
    const offsetKey = `bench${Date.now().toString(36)}`;
    const worker = await createWorkerContext();
    const bare = new Queue('bench-bare-mail', queueConnection(readConfig(RedisConfig)));
    try {
      await insertDueReminders(context, count, offsetKey);
      const sweep = worker.get(NotificationSweep);
      const sweepStarted = performance.now();
      const result = await sweep.sweep();
      const sweepSeconds = (performance.now() - sweepStarted) / 1000;

      const jobs = Array.from({ length: count }, (_, i) => ({
        name: NotificationJob.DeliverNotification,
        data: { notificationId: i + 1 },
        opts: { jobId: deliveryJobId(i + 1), attempts: 6, backoff: { type: 'exponential', delay: 10_000 } },
      }));
      const bareStarted = performance.now();
      await bare.addBulk(jobs);
      const bareSeconds = (performance.now() - bareStarted) / 1000;

      const row = rateRow(
        this.name,
        'jobs/s',
        result.queued / sweepSeconds,
        count / bareSeconds,
        this.target!,
        `${result.queued} of ${count} queued in ${sweepSeconds.toFixed(2)} s vs ${bareSeconds.toFixed(2)} s`,
      );
      return [{ ...row, pass: row.pass === true && result.queued === count }];
    } finally {
      await bare.obliterate({ force: true });
      await bare.close();
      const mail = worker.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
      await mail.obliterate({ force: true });
      await context.dataSource.query('DELETE FROM notifications WHERE offset_key = ?', [offsetKey]);
      await worker.close();
    }
  },
};
