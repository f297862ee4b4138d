import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MailService, QueueName, RedisReconnects, type SendTestEmailPayload, SystemJob } from '@lp/core';

/**
 * Operator jobs. SendTestEmail is safe to repeat: a second run sends a second test
 * message, which is what an operator retrying a check expects.
 */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(
    private readonly mail: MailService,
    private readonly reconnects: RedisReconnects,
  ) {
    super();
  }

  async process(job: Job<SendTestEmailPayload>): Promise<{ messageId: string }> {
    switch (job.name) {
      case SystemJob.SendTestEmail: {
        const receipt = await this.mail.send({
          to: job.data.to,
          subject: 'LP Academy test email',
          text: 'This message confirms that LP Academy can send email from its worker.',
        });
        this.logger.log({ jobId: job.id, to: job.data.to }, 'Test email sent');
        return { messageId: receipt.messageId };
      }
      default:
        throw new Error(`Unknown job ${job.name} on the ${QueueName.System} queue`);
    }
  }

  /**
   * An operator sends a test email to check the mail set-up: a failure is what they are
   * looking for, so it says what went wrong and what to check, without a stack trace.
   */
  @OnWorkerEvent('failed')
  onFailed(job: Job<SendTestEmailPayload> | undefined, error: Error): void {
    if (job?.name !== SystemJob.SendTestEmail) return;
    const attempts = job.opts.attempts ?? 1;
    const retry = job.attemptsMade < attempts ? 'it is tried again' : 'no attempts left: send another once it is fixed';
    this.logger.warn(
      { jobId: job.id },
      `Test email to ${job.data.to} not sent (attempt ${job.attemptsMade} of ${attempts}; ${retry}): ` +
        `${error.message.replace(/\.$/, '')}. Check SMTP_URL and that the mail server accepts connections from here.`,
    );
  }

  /** Without a listener, an 'error' event (e.g. Redis losing a running job) would be thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'System worker error');
  }

  /**
   * @nestjs/bullmq closes workers only at application shutdown, after every module's
   * onModuleDestroy has already closed the mail transport and may have closed the
   * database; closing here lets a running job finish with both still open.
   */
  async onModuleDestroy(): Promise<void> {
    await this.reconnects.stop();
    await this.worker.close();
  }
}
