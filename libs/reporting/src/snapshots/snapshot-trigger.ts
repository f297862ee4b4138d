import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { AssignmentCompletion, type AssignmentEntity } from '@lp/assignments';
import { QueueName } from '@lp/core';
import { type AfterCommit, type EmployeeEntity, EmployeeLifecycle, StoreFiguresChanged } from '@lp/organisation';
import { recomputeDeduplicationId, type RecomputeStoreSnapshotPayload, SnapshotJob } from './snapshot-jobs';
import { SnapshotsConfig } from './snapshots.config';

/**
 * Queues a recompute of today's snapshot for every store whose figures an event changed:
 * hires, transfers and deactivations (EmployeeLifecycle), completions with the
 * certificates they issue or renew (AssignmentCompletion), assignments created or
 * cancelled and certifications granted or revoked (StoreFiguresChanged). Always after
 * commit, so the recompute reads the change.
 *
 * Coalescing: the job waits SNAPSHOT_COALESCE_MS and carries the deduplication id
 * `store-<id>` with the same ttl (BullMQ throttle mode), so every event of that window
 * joins the one waiting job, which runs after all of them. A burst of 1,000 completions
 * in a minute costs about 60 000 / SNAPSHOT_COALESCE_MS recomputes. Debounce mode
 * (`extend`) is not used: under a steady stream of events it would postpone the
 * recompute for ever.
 *
 * Events only note their stores; the noted stores are queued together on the next turn of
 * the event loop, so a transaction touching thousands of people (a CSV import) costs one
 * add per store, not one per person, and the user's request never waits for Redis. Redis
 * being down fails nothing: queueing gives up after SNAPSHOT_ENQUEUE_TIMEOUT_MS, logs, and
 * the nightly close rewrites the day anyway.
 */
@Injectable()
export class SnapshotTrigger implements OnModuleInit {
  private readonly logger = new Logger(SnapshotTrigger.name);
  private readonly noted = new Set<number>();
  private flushScheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(QueueName.ComplianceSnapshots) private readonly queue: Queue<RecomputeStoreSnapshotPayload>,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly completion: AssignmentCompletion,
    private readonly figuresChanged: StoreFiguresChanged,
    private readonly config: SnapshotsConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      onHired: async (_manager: EntityManager, employee: EmployeeEntity): Promise<AfterCommit> => {
        return async () => this.note([employee.storeId]);
      },
      onHiredMany: async (_manager: EntityManager, employees: EmployeeEntity[]): Promise<AfterCommit> => {
        return async () => this.note(employees.map((employee) => employee.storeId));
      },
      onChanged: async (_manager: EntityManager, before: EmployeeEntity, after: EmployeeEntity) => {
        const changesFigures =
          before.storeId !== after.storeId || before.active !== after.active || before.jobRoleId !== after.jobRoleId;
        if (changesFigures) return async () => this.note([before.storeId, after.storeId]);
      },
    });
    this.completion.register({
      onCompleted: async (
        _manager: EntityManager,
        _assignment: AssignmentEntity,
        _actorId: number | null,
        holderStoreId: number,
      ): Promise<AfterCommit> => {
        return async () => this.note([holderStoreId]);
      },
    });
    this.figuresChanged.register(async (storeIds) => this.note(storeIds));
  }

  /** Notes stores whose figures changed; they are queued together on the next turn of the event loop. */
  note(storeIds: number[]): void {
    for (const storeId of storeIds) this.noted.add(storeId);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.flushing = this.flushing
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.flushScheduled = false;
        const storeIds = [...this.noted];
        this.noted.clear();
        return this.recompute(storeIds);
      });
  }

  /** Resolves once every store noted so far has been handed to the queue (or given up on). */
  flushed(): Promise<void> {
    return this.flushing;
  }

  /** Queues one coalesced recompute per store; logs and returns when Redis does not answer in time. */
  async recompute(storeIds: number[]): Promise<void> {
    const ttl = this.config.SNAPSHOT_COALESCE_MS;
    const adding = Promise.all(
      [...new Set(storeIds)].map((storeId) =>
        this.queue.add(
          SnapshotJob.RecomputeStoreSnapshot,
          { storeId },
          {
            delay: ttl,
            deduplication: { id: recomputeDeduplicationId(storeId), ttl },
            removeOnComplete: { count: 1000 },
          },
        ),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.SNAPSHOT_ENQUEUE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([adding, timedOut]);
      if (outcome === 'timeout') {
        adding.catch(() => undefined);
        this.logger.warn({ storeIds }, 'Redis did not take the snapshot recomputes in time; the nightly close will');
      }
    } catch (error) {
      this.logger.warn({ err: error, storeIds }, 'Could not queue snapshot recomputes; the nightly close will');
    } finally {
      clearTimeout(timer);
    }
  }
}
