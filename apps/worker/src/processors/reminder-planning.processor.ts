import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName, RedisReconnects, whenRedisReturns } from '@lp/core';
import { type PlanningResult, ReminderJob, ReminderPlanning, RemindersConfig } from '@lp/reminders';

/**
 * Runs the reminder planning: every REMINDER_PLANNING_EVERY_MINUTES from BullMQ's job
 * scheduler (one job per interval for all workers together), and once when a worker
 * starts so a fresh install plans at once instead of a quarter of an hour later.
 * Idempotent: the planners rely on unique keys in the database, so an overlapping or
 * repeated run (two workers starting, a stalled job retried) plans nothing twice.
 * Every worker upserts the scheduler at start-up, again each interval and when Redis comes
 * back (then planning at once too), because a flushed or restarted Redis loses it.
 */
@Processor(QueueName.ReminderPlanning)
export class ReminderPlanningProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderPlanningProcessor.name);
  private keepScheduled?: NodeJS.Timeout;

  constructor(
    private readonly planning: ReminderPlanning,
    private readonly config: RemindersConfig,
    private readonly reconnects: RedisReconnects,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.planning.schedule();
    await this.planning.runSoon();
    this.keepScheduled = setInterval(
      () =>
        this.planning.schedule().catch((error) => this.logger.error({ err: error }, 'Could not schedule the planning')),
      this.config.REMINDER_PLANNING_EVERY_MINUTES * 60_000,
    );
    this.keepScheduled.unref();
    await whenRedisReturns(this.worker, () =>
      this.planning
        .schedule()
        .then(() => this.planning.runSoon())
        .catch((error) => this.logger.error({ err: error }, 'Could not schedule the planning again')),
    );
  }

  async process(job: Job): Promise<PlanningResult> {
    if (job.name !== ReminderJob.PlanReminders) {
      throw new Error(`Unknown job ${job.name} on the ${QueueName.ReminderPlanning} queue`);
    }
    return this.planning.plan();
  }

  /** Without a listener, an 'error' event (e.g. Redis losing a running job) would be thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Reminder planning worker error');
  }

  /** Stops before the database closes, letting a running planning finish its batch. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.keepScheduled);
    await this.reconnects.stop();
    await this.worker.close();
  }
}
