import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QueueName, RedisReconnects, whenRedisReturns } from '@lp/core';
import {
  CLOSE_DAYS_CRON,
  CLOSE_DAYS_SCHEDULER_ID,
  type RecomputeStoreSnapshotPayload,
  SnapshotJob,
  SnapshotService,
  StoreRecomputeBatcher,
  type UtcDay,
} from '@lp/reporting';

/**
 * Jobs one worker process takes at once. Recomputes running together are written as one
 * batch (StoreRecomputeBatcher), so this bounds a batch rather than parallel database
 * work; a nightly close shares the slots and runs beside the batch being written.
 */
const CONCURRENCY = 50;

/** How often every worker upserts the nightly scheduler again, in case Redis lost it. */
const RESCHEDULE_EVERY_MS = 60 * 60_000;

/**
 * Runs the per-store snapshot recomputes queued by the API and the nightly close. Both
 * are idempotent upserts, so a retried, duplicated or overlapping job changes nothing.
 * The close starts from the last closed day, so a worker that was down for days, or a
 * Redis that lost the scheduler, leaves no gap once the next close runs.
 */
@Processor(QueueName.ComplianceSnapshots, { concurrency: CONCURRENCY })
export class ComplianceSnapshotsProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ComplianceSnapshotsProcessor.name);
  private keepScheduled?: NodeJS.Timeout;

  constructor(
    private readonly snapshots: SnapshotService,
    private readonly batcher: StoreRecomputeBatcher,
    @InjectQueue(QueueName.ComplianceSnapshots) private readonly queue: Queue,
    private readonly reconnects: RedisReconnects,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.keepScheduled = setInterval(
      () => this.schedule().catch((error) => this.logger.error({ err: error }, 'Could not schedule the close')),
      RESCHEDULE_EVERY_MS,
    );
    this.keepScheduled.unref();
    await whenRedisReturns(this.worker, () =>
      this.schedule().catch((error) => this.logger.error({ err: error }, 'Could not schedule the close again')),
    );
  }

  /** Idempotent: every worker calls it at start-up, every hour and when Redis comes back. */
  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      CLOSE_DAYS_SCHEDULER_ID,
      { pattern: CLOSE_DAYS_CRON, tz: 'UTC' },
      {
        name: SnapshotJob.CloseComplianceDays,
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }

  async process(job: Job): Promise<UtcDay[] | void> {
    switch (job.name) {
      case SnapshotJob.RecomputeStoreSnapshot:
        return this.batcher.recompute((job.data as RecomputeStoreSnapshotPayload).storeId);
      case SnapshotJob.CloseComplianceDays:
        return this.snapshots.closeMissingDays();
      default:
        throw new Error(`Unknown job ${job.name} on the ${QueueName.ComplianceSnapshots} queue`);
    }
  }

  /** Without a listener, an 'error' event (e.g. Redis going away) would be thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Snapshot worker error');
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.keepScheduled);
    await this.reconnects.stop();
    await this.worker.close();
  }
}
