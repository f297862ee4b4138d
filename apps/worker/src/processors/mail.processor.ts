import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { MailConfig, QueueName, RedisConfig, RedisReconnects, WorkerConfig, queueConnection } from '@lp/core';
import {
  type DeliverNotificationPayload,
  type DeliveryOutcome,
  NotificationDelivery,
  NotificationJob,
} from '@lp/notifications';

/**
 * Sends the emails of the `mail` queue, one notification per job (job id
 * `notification-<id>`).
 *
 * Guarantees, and what they rest on:
 * - Idempotent: the job carries only the notification id; the delivery reloads the row,
 *   claims it with a conditional UPDATE (PENDING → SENDING) before calling SMTP and marks
 *   it SENT after, so a job that runs again (a stalled job recovered by BullMQ, a job
 *   queued again after Redis lost it, the same id swept by several workers) sends nothing
 *   the second time. The one window left is a crash between the SMTP server accepting the
 *   message and the SENT update: BullMQ delivers at least once, and so does SMTP.
 * - Nothing lost: the database is the source of truth. A failed attempt puts the row back
 *   to PENDING and BullMQ retries with exponential backoff; once its attempts are spent,
 *   the sweep queues the row again, until the notification goes stale (then FAILED with
 *   the last error). A message the SMTP server refuses for good (5xx) is FAILED at once.
 *   A job Redis lost is queued again by the next sweep that looks at the row, and a claim
 *   held by a dead worker expires after NOTIFY_CLAIM_LEASE_MINUTES.
 * - Rate: BullMQ's limiter is kept in Redis per queue, so MAIL_RATE_PER_SECOND bounds
 *   what all workers together send to the SMTP server.
 *
 * The BullMQ worker is built here rather than with @Processor because its concurrency and
 * limiter come from configuration read at start-up, and decorator options are fixed when
 * the class is loaded (the @nestjs/bullmq maintainers' advice for this case).
 */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailProcessor.name);
  private bullWorker?: Worker<DeliverNotificationPayload, DeliveryOutcome>;

  constructor(
    private readonly redis: RedisConfig,
    private readonly mail: MailConfig,
    private readonly workers: WorkerConfig,
    private readonly delivery: NotificationDelivery,
    private readonly reconnects: RedisReconnects,
  ) {}

  /** The BullMQ worker, once the application has started. */
  get worker(): Worker<DeliverNotificationPayload, DeliveryOutcome> {
    if (!this.bullWorker) throw new Error('The mail worker starts with the application');
    return this.bullWorker;
  }

  onApplicationBootstrap(): void {
    this.bullWorker = new Worker(QueueName.Mail, (job) => this.process(job), {
      ...queueConnection(this.redis, this.reconnects),
      concurrency: this.workers.WORKER_CONCURRENCY,
      limiter: { max: this.mail.MAIL_RATE_PER_SECOND, duration: 1000 },
    });
    this.bullWorker.on('error', (error) => this.logger.error({ err: error }, 'Mail worker error'));
  }

  process(job: Job<DeliverNotificationPayload>): Promise<DeliveryOutcome> {
    if (job.name !== NotificationJob.DeliverNotification) {
      throw new Error(`Unknown job ${job.name} on the ${QueueName.Mail} queue`);
    }
    return this.delivery.deliver(job.data.notificationId);
  }

  /**
   * Closes before the mail transport and the database go (the root module is destroyed
   * first), letting running deliveries finish: SIGTERM never cuts a send in half.
   */
  async onModuleDestroy(): Promise<void> {
    await this.reconnects.stop();
    await this.bullWorker?.close();
  }
}
