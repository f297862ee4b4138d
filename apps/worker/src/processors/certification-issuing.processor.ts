import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CertificationJob, CourseRemovalIssuer, type IssueAfterCourseRemovalPayload } from '@lp/certification';
import { QueueName, RedisReconnects } from '@lp/core';

/**
 * Issues the certificates a change to a programme earned, queued by the API once the change
 * has committed. Idempotent: CourseRemovalIssuer finds only those still without the cycle, and
 * checks each again under the lock of their current one, so a retried or repeated job issues
 * nothing twice, and one that failed part-way issues only what is left.
 */
@Processor(QueueName.CertificationIssuing)
export class CertificationIssuingProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger(CertificationIssuingProcessor.name);

  constructor(
    private readonly issuer: CourseRemovalIssuer,
    private readonly reconnects: RedisReconnects,
  ) {
    super();
  }

  async process(job: Job<IssueAfterCourseRemovalPayload>): Promise<{ issued: number }> {
    switch (job.name) {
      case CertificationJob.IssueAfterCourseRemoval: {
        const issued = await this.issuer.issue(job.data);
        this.logger.log({ jobId: job.id, programId: job.data.programId, issued }, 'Certified after a course removal');
        return { issued };
      }
      default:
        throw new Error(`Unknown job ${job.name} on the ${QueueName.CertificationIssuing} queue`);
    }
  }

  /** Without a listener, an 'error' event (e.g. Redis going away) would be thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Certification issuing worker error');
  }

  /** Closed here so a running job finishes while the database is still open (see SystemProcessor). */
  async onModuleDestroy(): Promise<void> {
    await this.reconnects.stop();
    await this.worker.close();
  }
}
