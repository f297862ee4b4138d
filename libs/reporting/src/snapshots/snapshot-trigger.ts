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
 * Redis being down never fails the user's request: queueing gives up after
 * SNAPSHOT_ENQUEUE_TIMEOUT_MS, logs, and the nightly close rewrites the day anyway.
 */
@Injectable()
export class SnapshotTrigger implements OnModuleInit {
  private readonly logger = new Logger(SnapshotTrigger.name);

  constructor(
    @InjectQueue(QueueName.ComplianceSnapshots) private readonly queue: Queue<RecomputeStoreSnapshotPayload>,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly completion: AssignmentCompletion,
    private readonly figuresChanged: StoreFiguresChanged,
    private readonly config: SnapshotsConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      onHired:
        async (_manager: EntityManager, employee: EmployeeEntity): Promise<AfterCommit> =>
        () =>
          this.recompute([employee.storeId]),
      onChanged: async (_manager: EntityManager, before: EmployeeEntity, after: EmployeeEntity) => {
        const changesFigures =
          before.storeId !== after.storeId || before.active !== after.active || before.jobRoleId !== after.jobRoleId;
        if (changesFigures) return () => this.recompute([before.storeId, after.storeId]);
      },
    });
    this.completion.register({
      onCompleted: async (manager: EntityManager, assignment: AssignmentEntity): Promise<AfterCommit> => {
        const [{ store_id: storeId }] = (await manager.query('SELECT store_id FROM employees WHERE id = ?', [
          assignment.employeeId,
        ])) as { store_id: number }[];
        return () => this.recompute([storeId]);
      },
    });
    this.figuresChanged.register((storeIds) => this.recompute(storeIds));
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
