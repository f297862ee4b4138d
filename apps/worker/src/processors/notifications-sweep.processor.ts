import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName, RedisReconnects, whenRedisReturns } from '@lp/core';
import { NotificationJob, NotificationSweep, NotificationsConfig, type SweepResult } from '@lp/notifications';

/**
 * Runs the repeating sweep that moves due notifications onto the mail queue. BullMQ's job
 * scheduler makes one job per interval for all workers together; the sweep is idempotent
 * (job ids are notification ids, delivery claims the row), so an extra or overlapping run
 * (a stalled sweep retried, two workers) costs a query and queues nothing twice.
 *
 * Every worker upserts the scheduler at start-up, again every NOTIFY_REQUEUE_AFTER_MINUTES
 * and when Redis comes back, because a flushed or restarted Redis loses it and nothing else
 * would bring it back.
 */
@Processor(QueueName.NotificationsSweep)
export class NotificationsSweepProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsSweepProcessor.name);
  private keepScheduled?: NodeJS.Timeout;

  constructor(
    private readonly sweep: NotificationSweep,
    private readonly config: NotificationsConfig,
    private readonly reconnects: RedisReconnects,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep.schedule();
    this.keepScheduled = setInterval(
      () => this.sweep.schedule().catch((error) => this.logger.error({ err: error }, 'Could not schedule the sweep')),
      this.config.NOTIFY_REQUEUE_AFTER_MINUTES * 60_000,
    );
    this.keepScheduled.unref();
    await whenRedisReturns(this.worker, () =>
      this.sweep.schedule().catch((error) => this.logger.error({ err: error }, 'Could not schedule the sweep again')),
    );
  }

  async process(job: Job): Promise<SweepResult> {
    if (job.name !== NotificationJob.SweepNotifications) {
      throw new Error(`Unknown job ${job.name} on the ${QueueName.NotificationsSweep} queue`);
    }
    return this.sweep.sweep();
  }

  /** Without a listener, an 'error' event (e.g. Redis losing a running job) would be thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Sweep worker error');
  }

  /** Stops before the database closes, letting a running sweep finish its batch. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.keepScheduled);
    await this.reconnects.stop();
    await this.worker.close();
  }
}
