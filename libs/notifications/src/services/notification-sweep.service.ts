import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { afterPosition, Clock, type KeysetPosition, keysetBatches, QueueName, retryOnDeadlock } from '@lp/core';
import { NotificationEntity, NotificationStatus } from '../entities';
import {
  DELIVERY_RETRY_POLICY,
  type DeliverNotificationPayload,
  deliveryJobId,
  type DeliveryRetryPolicy,
  NotificationJob,
  SWEEP_SCHEDULER_ID,
} from '../jobs/notification-jobs';
import { NotificationsConfig } from '../notifications.config';
import { staleOutcome } from './stale-outcome';

export interface SweepResult {
  /** Delivery jobs added to the mail queue. */
  queued: number;
  /** Notifications found stale: cancelled, or failed when attempts to send them had failed. */
  cancelled: number;
}

interface DueRow {
  id: number;
  status: NotificationStatus;
  sendAfter: Date;
  queueAfter: Date;
  attempts: number;
  expiresAt: Date;
}

/**
 * A PENDING row the sweep has never queued: not yet attempted, and `queueAfter` still the
 * planner's `sendAfter` (queueing, claiming and retrying all push it later). Its delivery
 * job can only exist if a sweep stopped between addBulk and postponing the row, or if the
 * database was reset and reuses ids while Redis still keeps finished jobs of the old rows
 * (completed ones for a day). addBulk then adds nothing and the row is postponed; the
 * next look, NOTIFY_REQUEUE_AFTER_MINUTES later, checks the job's state, so such a row is
 * sent late, never lost nor twice.
 */
function neverQueued(row: DueRow): boolean {
  return (
    row.status === NotificationStatus.PENDING &&
    row.attempts === 0 &&
    row.queueAfter.getTime() === row.sendAfter.getTime()
  );
}

/** A job in one of these states will not run again: its id must be freed before queueing anew. */
const FINISHED_STATES = new Set(['completed', 'failed']);

/**
 * Moves due notifications from the database to the mail queue, in batches read through
 * the (status, queue_after) index. Safe to run in several workers at once and to repeat:
 * each delivery job's id is the notification's, so queueing a notification whose job is
 * still waiting adds nothing, and the delivery's claim in the database stops a second send.
 *
 * Nothing is lost with Redis: a queued row's `queue_after` is pushed NOTIFY_REQUEUE_AFTER_MINUTES
 * ahead, and when it comes round while the row is still unsent the sweep checks its job
 * again; a job Redis lost (flushed, restarted without persistence) is queued anew, and a
 * job that ended without settling the row (e.g. failed while the database was down) has
 * its id freed and is queued anew.
 *
 * Its writes (autocommitted UPDATEs of a batch's rows, each safe to repeat) race the
 * delivery workers' claims of the rows just queued, and InnoDB may break such a race as a
 * deadlock: the sweep's side then runs its statement again.
 */
@Injectable()
export class NotificationSweep {
  private readonly logger = new Logger(NotificationSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<DeliverNotificationPayload>,
    @InjectQueue(QueueName.NotificationsSweep) private readonly sweepQueue: Queue,
    @Inject(DELIVERY_RETRY_POLICY) private readonly retry: DeliveryRetryPolicy,
    private readonly config: NotificationsConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates or refreshes the repeating sweep in BullMQ. Idempotent, so every worker calls it
   * at start-up, and again now and then in case Redis lost it.
   */
  async schedule(): Promise<void> {
    await this.sweepQueue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: this.config.NOTIFY_SWEEP_EVERY_SECONDS * 1000 },
      {
        name: NotificationJob.SweepNotifications,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
      },
    );
  }

  /**
   * Queues every notification due at the sweep's start and cancels the stale ones, one
   * batch at a time. The database's side of a batch overlaps the queue's side of the next:
   * the next batch is read, and this one postponed, while the next one's jobs are added.
   */
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const limit = this.config.NOTIFY_SWEEP_BATCH_SIZE;
    const total: SweepResult = { queued: 0, cancelled: 0 };
    const batches = keysetBatches(
      limit,
      (position) => this.dueBatch(now, position, limit),
      (row) => row.queueAfter,
    );
    let postponing: Promise<void> | undefined;
    for await (const rows of batches) {
      const stale = rows.filter((row) => row.expiresAt <= now).map((row) => row.id);
      const due = rows.filter((row) => row.expiresAt > now);
      total.cancelled += await this.cancelStale(stale, now);
      await this.releaseExpiredClaims(
        due.filter((row) => row.status === NotificationStatus.SENDING).map((row) => row.id),
        now,
      );
      total.queued += await this.enqueue(due);
      await postponing;
      // Only once its jobs are added: a sweep stopped in between leaves the rows due, to be queued again.
      postponing = this.postpone(
        due.map((row) => row.id),
        now,
      );
      // Awaited after the next batch's jobs; if those fail first, this must not go unhandled.
      postponing.catch(() => undefined);
    }
    await postponing;
    if (total.queued > 0 || total.cancelled > 0) this.logger.log(total, 'Notifications swept');
    return total;
  }

  /**
   * Unsent rows whose turn had come at `now`, after `position` in (queue_after, id) order:
   * PENDING ones due, and SENDING ones whose claim ran out. Read as plain rows: hydrating
   * 500 entities a batch cost more than the read.
   * One status per part: with the status fixed, the (status, queue_after) index gives the
   * rows in order and the read stops at the limit; `status IN (…)` sorted every due row
   * for each batch (70,000 of them per batch, on a 100,000-employee chain's morning).
   */
  private async dueBatch(now: Date, position: KeysetPosition | null, limit: number): Promise<DueRow[]> {
    const after = afterPosition('queue_after', 'id', position);
    const dueWith = `SELECT id, status, send_after, queue_after, attempts, expires_at
         FROM notifications WHERE status = ? AND queue_after <= ? AND ${after.sql}
        ORDER BY queue_after, id LIMIT ?`;
    const paramsOf = (status: NotificationStatus) => [status, now, ...after.params, limit];
    const rows = (await this.dataSource.query(
      `SELECT * FROM ((${dueWith}) UNION ALL (${dueWith})) due ORDER BY queue_after, id LIMIT ?`,
      [...paramsOf(NotificationStatus.PENDING), ...paramsOf(NotificationStatus.SENDING), limit],
    )) as {
      id: number;
      status: NotificationStatus;
      send_after: Date;
      queue_after: Date;
      attempts: number;
      expires_at: Date;
    }[];
    return rows.map((row) => ({
      id: Number(row.id),
      status: row.status,
      sendAfter: row.send_after,
      queueAfter: row.queue_after,
      attempts: row.attempts,
      expiresAt: row.expires_at,
    }));
  }

  private cancelStale(ids: number[], now: Date): Promise<number> {
    return this.moveDue(ids, [NotificationStatus.PENDING, NotificationStatus.SENDING], now, staleOutcome());
  }

  /**
   * A SENDING row whose lease has run out belonged to a worker that died between claiming
   * and settling it: it becomes PENDING again so a delivery job can claim it.
   */
  private async releaseExpiredClaims(ids: number[], now: Date): Promise<void> {
    const released = await this.moveDue(ids, [NotificationStatus.SENDING], now, {
      status: NotificationStatus.PENDING,
      lastError: 'The worker sending it stopped before it finished',
    });
    if (released) this.logger.warn({ count: released }, 'Took over notifications from a stopped worker');
  }

  /** Moves those of the rows still in one of `from` and due at `now` to `to`; answers how many moved. */
  private async moveDue(
    ids: number[],
    from: NotificationStatus[],
    now: Date,
    to: QueryDeepPartialEntity<NotificationEntity>,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await retryOnDeadlock(() =>
      this.dataSource
        .getRepository(NotificationEntity)
        .createQueryBuilder()
        .update()
        .set(to)
        .where({ id: In(ids), status: In(from) })
        .andWhere('queue_after <= :now', { now })
        .execute(),
    );
    return result.affected ?? 0;
  }

  /**
   * Adds a delivery job for each row whose job is not already waiting, delayed or running.
   * Only rows queued before have their job's state asked (one Redis call each): a first
   * sweep of thousands of fresh reminders is one addBulk per batch.
   */
  private async enqueue(rows: DueRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const fresh = rows.filter(neverQueued).map((row) => row.id);
    const seen = rows.filter((row) => !neverQueued(row)).map((row) => row.id);
    const states = await Promise.all(seen.map((id) => this.mailQueue.getJobState(deliveryJobId(id))));
    const finished = seen.filter((_, i) => FINISHED_STATES.has(states[i]));
    await Promise.all(finished.map((id) => this.mailQueue.remove(deliveryJobId(id))));
    const toQueue = [...fresh, ...seen.filter((_, i) => states[i] === 'unknown' || FINISHED_STATES.has(states[i]))];
    if (toQueue.length === 0) return 0;
    await this.mailQueue.addBulk(
      toQueue.map((notificationId) => ({
        name: NotificationJob.DeliverNotification,
        data: { notificationId },
        opts: { jobId: deliveryJobId(notificationId), attempts: this.retry.attempts, backoff: this.retry.backoff },
      })),
    );
    return toQueue.length;
  }

  /**
   * Looks at queued rows again only after NOTIFY_REQUEUE_AFTER_MINUTES from now (not from
   * the sweep's start, however long it ran), unless a claim moved them first.
   */
  private async postpone(ids: number[], sweptAt: Date): Promise<void> {
    if (ids.length === 0) return;
    const requeueAt = new Date(this.clock.now().getTime() + this.config.NOTIFY_REQUEUE_AFTER_MINUTES * 60_000);
    await retryOnDeadlock(() =>
      this.dataSource.query(
        'UPDATE notifications SET queue_after = ? WHERE id IN (?) AND status = ? AND queue_after <= ?',
        [requeueAt, ids, NotificationStatus.PENDING, sweptAt],
      ),
    );
  }
}
