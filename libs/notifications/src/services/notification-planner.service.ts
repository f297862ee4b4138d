import { Injectable, Logger } from '@nestjs/common';
import { Brackets, type EntityManager, type FindOptionsWhere, In } from 'typeorm';
import { chunks, Clock, executePrepared, retryOnDeadlock } from '@lp/core';
import { LAST_ERROR_LENGTH, NotificationEntity, NotificationStatus } from '../entities';
import { NotificationsConfig } from '../notifications.config';
import { FALLBACK_TIMEZONE, localTime, resolveTimezone, startOfLocalDay } from '@lp/organisation';
import { nextSendingMoment, nextWindowOpening, type SendingWindow } from '../sending-window';

/** The store a recipient works at, whose office hours their emails keep. */
export interface RecipientStore {
  storeId: number;
  /** As stored: an unknown zone is resolved (and reported) when the draft is planned. */
  timezone: string;
}

/** A notification a planner wants sent; see NotificationEntity for the meaning of each field. */
export interface NotificationDraft {
  kind: string;
  recipientId: number;
  /**
   * The recipient's store, when the planner read it with the subject: the drafts without
   * one have it looked up, a statement per chunk.
   */
  recipientStore?: RecipientStore;
  /** Copied, even when empty: a template with `copies` then reads who at sending time. */
  ccEmployeeIds?: number[];
  subjectType: string;
  subjectId: number;
  offsetKey: string;
  plannedAt: Date;
  /**
   * When it stops being worth sending (e.g. a "due tomorrow" reminder once the due date has
   * passed). Default: NOTIFY_STALE_AFTER_HOURS after the sending window lets it go.
   */
  expiresAt?: Date;
  /**
   * For a reminder on the calendar day this many days before the day of `expiresAt` (which it
   * then needs) in the recipient's zone, planned from that day's start: when the recipient
   * moves to another zone, `retimeFor` moves it to that day's start there.
   */
  daysBefore?: number;
  /**
   * Held for the next opening of the recipient's sending window, even in office hours: what
   * is planned for them over a day then goes at once, in one email when the kind's template
   * sends them `together` (a stand-in's escalations).
   */
  atWindowOpening?: boolean;
  templateData?: Record<string, unknown>;
}

/** A pending notification as `retimeFor` reads it. */
interface PendingRow {
  id: number;
  recipient_id: number;
  planned_at: Date;
  send_after: Date;
  expires_at: Date;
  days_before: number | null;
}

interface RecipientStoreRow {
  id: number;
  store_id: number;
  timezone: string;
}

/** What tells one notification from another (uq_notifications_once). */
type NotificationKey = Pick<NotificationDraft, 'kind' | 'recipientId' | 'subjectType' | 'subjectId' | 'offsetKey'>;

function keyOf({ kind, recipientId, subjectType, subjectId, offsetKey }: NotificationKey): string {
  return [kind, recipientId, subjectType, subjectId, offsetKey].join('\u0000');
}

/**
 * Rows per INSERT, and keys per read of what is planned: well under max_allowed_packet and
 * the 65,535 placeholders of a statement.
 */
const INSERT_CHUNK = 500;
/** Values per row: the columns of `insertStatement`. */
const COLUMN_COUNT = 14;

/**
 * ON DUPLICATE KEY with a no-op update rather than INSERT IGNORE: IGNORE would also turn a
 * missing recipient (foreign key) or an over-long value into a silent warning.
 */
function insertStatement(rowCount: number): string {
  return `INSERT INTO notifications
            (kind, recipient_id, cc_employee_ids, subject_type, subject_id, offset_key, planned_at, send_after,
             expires_at, days_before, queue_after, status, template_data, created_at)
          VALUES ${Array.from({ length: rowCount }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
          ON DUPLICATE KEY UPDATE id = id`;
}

/** A full chunk's statement: always the same text, so worth preparing once per connection. */
const FULL_CHUNK_INSERT = insertStatement(INSERT_CHUNK);

/**
 * The API planners use (refreshers, due-date and expiry reminders, escalations, digests):
 * `plan` inside the planner's transaction, `cancelFor` when the subject is done.
 */
@Injectable()
export class NotificationPlanner {
  private readonly logger = new Logger(NotificationPlanner.name);

  constructor(
    private readonly config: NotificationsConfig,
    private readonly clock: Clock,
  ) {}

  private get window(): SendingWindow {
    return { startHour: this.config.NOTIFY_WINDOW_START_HOUR, endHour: this.config.NOTIFY_WINDOW_END_HOUR };
  }

  /**
   * Plans notifications in bulk, idempotently: a draft whose (kind, recipient, subject,
   * offset) is already planned is skipped whatever its status, so planners may run again
   * over the same data (after a crash, every 15 minutes) without planning anything twice.
   * Each one's send time is moved into the sending window of its recipient's store.
   * Returns how many it wrote: those not planned before (and any another run planned
   * meanwhile, which the unique key then skips).
   */
  async plan(manager: EntityManager, drafts: NotificationDraft[]): Promise<number> {
    const unplanned = await this.unplanned(manager, drafts);
    await this.write(manager, unplanned);
    return unplanned.length;
  }

  /** Inserts the drafts' rows, a chunk at a time. */
  private async write(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const values = await this.valuesOf(manager, drafts);
    // Alone, each chunk is one autocommitted statement, safe to repeat when InnoDB breaks a
    // deadlock with another planner's; in the caller's transaction, the caller repeats it.
    const repeatable = manager.queryRunner === undefined ? retryOnDeadlock : <T>(write: () => Promise<T>) => write();
    for (let start = 0; start < drafts.length; start += INSERT_CHUNK) {
      const rowCount = Math.min(INSERT_CHUNK, drafts.length - start);
      const chunk = values.slice(start * COLUMN_COUNT, (start + rowCount) * COLUMN_COUNT);
      if (rowCount === INSERT_CHUNK) await repeatable(() => executePrepared(manager, FULL_CHUNK_INSERT, chunk));
      else await repeatable(() => manager.query(insertStatement(rowCount), chunk));
    }
  }

  /**
   * The drafts not planned yet. A planner offers again, every run, most of what its last run
   * planned. The unique key alone would turn those away too, but each insert it turns away
   * still takes an AUTO_INCREMENT value that is never used: at a chain's scale, the key's
   * four billion ids within a few years (bench/README.md). The key still settles a race
   * between this read and the insert. Sent as text: prepared, the read of 500 keys took
   * MariaDB 130 ms instead of 3.
   */
  private async unplanned(manager: EntityManager, drafts: NotificationDraft[]): Promise<NotificationDraft[]> {
    const planned = new Set<string>();
    for (let start = 0; start < drafts.length; start += INSERT_CHUNK) {
      const keys = drafts
        .slice(start, start + INSERT_CHUNK)
        .map((draft) => [draft.kind, draft.recipientId, draft.subjectType, draft.subjectId, draft.offsetKey]);
      const rows = (await manager.query(
        `SELECT kind, recipient_id AS recipientId, subject_type AS subjectType, subject_id AS subjectId,
                offset_key AS offsetKey
           FROM notifications
          WHERE (kind, recipient_id, subject_type, subject_id, offset_key) IN (?)`,
        [keys],
      )) as NotificationKey[];
      for (const row of rows) planned.add(keyOf(row));
    }
    if (planned.size === 0) return drafts;
    return drafts.filter((draft) => !planned.has(keyOf(draft)));
  }

  /**
   * `plan` for drafts made a batch at a time (a planner walking the chain): they are
   * checked and written in full chunks as they add up, so where nothing is planned yet
   * nearly every insert is the prepared one. Returns how many it wrote, as `plan` does. If a
   * batch fails, the drafts still waiting are left to the next run, like the batches after it.
   *
   * The next batch is read while the chunks before it are checked and written, one at a
   * time and in order: with the manager's pool, MariaDB reads and inserts on two connections
   * at once while this process makes the drafts, instead of each waiting for the other.
   */
  async planEach(manager: EntityManager, draftBatches: AsyncIterable<NotificationDraft[]>): Promise<number> {
    let planned = 0;
    let waiting: NotificationDraft[] = [];
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const drafts of draftBatches) {
        waiting = waiting.concat(drafts);
        const ready = waiting.length - (waiting.length % INSERT_CHUNK);
        if (ready > 0) {
          await writing;
          writing = this.plan(manager, waiting.splice(0, ready)).then((written) => {
            planned += written;
          });
          // Awaited before the next write or at the end; until then a failure must not count as unhandled.
          writing.catch(() => undefined);
        }
      }
      await writing;
    } finally {
      // A failed read leaves no write running behind the caller's back.
      await writing.catch(() => undefined);
    }
    return planned + (await this.plan(manager, waiting));
  }

  /**
   * The values of every draft's row, one after the other (COLUMN_COUNT each), its send time
   * moved into its recipient's sending window. One flat array, as the statements take their
   * values: flattening an array per row took ~6 % of a planning run's CPU.
   */
  private async valuesOf(manager: EntityManager, drafts: NotificationDraft[]): Promise<unknown[]> {
    const zones = await this.recipientZones(manager, drafts);
    const now = this.clock.now();
    const staleAfterMs = this.config.NOTIFY_STALE_AFTER_HOURS * 3_600_000;
    const values = new Array<unknown>(drafts.length * COLUMN_COUNT);
    let next = 0;
    for (const draft of drafts) {
      const zone = zones.get(draft.recipientId) ?? FALLBACK_TIMEZONE;
      const sendAfter = draft.atWindowOpening
        ? nextWindowOpening(draft.plannedAt, zone, this.window)
        : nextSendingMoment(draft.plannedAt, zone, this.window);
      values[next++] = draft.kind;
      values[next++] = draft.recipientId;
      values[next++] = draft.ccEmployeeIds ? JSON.stringify(draft.ccEmployeeIds) : null;
      values[next++] = draft.subjectType;
      values[next++] = draft.subjectId;
      values[next++] = draft.offsetKey;
      values[next++] = draft.plannedAt;
      values[next++] = sendAfter;
      values[next++] = draft.expiresAt ?? new Date(sendAfter.getTime() + staleAfterMs);
      values[next++] = draft.daysBefore ?? null;
      values[next++] = sendAfter;
      values[next++] = NotificationStatus.PENDING;
      values[next++] = draft.templateData ? JSON.stringify(draft.templateData) : null;
      values[next++] = now;
    }
    return values;
  }

  /**
   * Cancels what is still to be sent about a subject (an assignment completed, a
   * certificate renewed), or about each of several (assignments an import's moves
   * cancelled; ROWS_PER_STATEMENT of them an UPDATE), in the caller's transaction. A
   * notification being sent right now is left alone; one whose sender died is cancelled
   * with the rest. Returns the count.
   */
  async cancelFor(
    manager: EntityManager,
    subjectType: string,
    subjectIds: number | number[],
    reason = `Not sent: cancelled, the ${subjectType.toLowerCase()} no longer needs it`,
  ): Promise<number> {
    const ids = typeof subjectIds === 'number' ? [subjectIds] : subjectIds;
    return this.cancelWhere(manager, ids, (chunk) => ({ subjectType, subjectId: In(chunk) }), reason);
  }

  /**
   * Cancels what is still to be sent of these notifications, by their ids (reminders at an
   * offset a programme no longer has), in the caller's transaction, as `cancelFor` does.
   */
  async cancelNotifications(manager: EntityManager, ids: number[], reason: string): Promise<number> {
    return this.cancelWhere(manager, ids, (chunk) => ({ id: In(chunk) }), reason);
  }

  /** Cancels the unclaimed notifications `where` picks for each ROWS_PER_STATEMENT of the ids; returns the count. */
  private async cancelWhere(
    manager: EntityManager,
    ids: number[],
    where: (chunk: number[]) => FindOptionsWhere<NotificationEntity>,
    reason: string,
  ): Promise<number> {
    let cancelled = 0;
    for (const chunk of chunks(ids)) {
      const result = await manager
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ status: NotificationStatus.CANCELLED, lastError: reason.slice(0, LAST_ERROR_LENGTH) })
        .where(where(chunk))
        .andWhere(this.unclaimed())
        .execute();
      cancelled += result.affected ?? 0;
    }
    return cancelled;
  }

  /**
   * Deletes what is still to be sent about a subject, in the caller's transaction, so that
   * `plan` may plan the same reminders (the same offset keys) afresh: for a due date moved
   * within the day its keys name, where cancelling would keep them from ever being planned
   * again. Left alone and returned as by `cancelFor`.
   */
  async withdrawFor(manager: EntityManager, subjectType: string, subjectId: number): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(NotificationEntity)
      .where({ subjectType, subjectId })
      .andWhere(this.unclaimed())
      .execute();
    return result.affected ?? 0;
  }

  /** Pending, or claimed by a sender that died (its lease has run out). */
  private unclaimed(): Brackets {
    const now = this.clock.now();
    return new Brackets((claimable) =>
      claimable
        .where('status = :pending', { pending: NotificationStatus.PENDING })
        .orWhere('(status = :sending AND queue_after <= :now)', { sending: NotificationStatus.SENDING, now }),
    );
  }

  /**
   * Moves what is still pending for these recipients into the sending window of the store
   * each works at now, in the caller's transaction (the one that transferred them): each
   * notification goes at the first moment of the new store's office hours from its planned
   * moment, or from now once that has passed. A calendar-day reminder (`daysBefore`) is
   * planned again from the start of its day in the new zone: kept at the instant the old
   * zone's day began, it would go out a day early after a move west. One being sent is left
   * alone. Each keeps its expiry: a reminder whose deadline passes before the new store opens
   * is not sent late.
   * ROWS_PER_STATEMENT recipients a read and notifications an UPDATE, so an import moving
   * thousands of people costs a few statements per chunk. Returns how many moved.
   */
  async retimeFor(manager: EntityManager, recipientIds: number[]): Promise<number> {
    const now = this.clock.now();
    const moves: { id: number; plannedAt: Date; sendAfter: Date }[] = [];
    for (const recipients of chunks(recipientIds)) {
      const rows = (await manager.query(
        `SELECT id, recipient_id, planned_at, send_after, expires_at, days_before
           FROM notifications WHERE recipient_id IN (?) AND status = ?`,
        [recipients, NotificationStatus.PENDING],
      )) as PendingRow[];
      if (rows.length === 0) continue;
      const zones = await this.recipientZones(
        manager,
        rows.map((row) => ({ recipientId: Number(row.recipient_id) })),
      );
      for (const row of rows) {
        const zone = zones.get(Number(row.recipient_id)) ?? FALLBACK_TIMEZONE;
        const plannedAt =
          row.days_before === null
            ? row.planned_at
            : startOfLocalDay(localTime(row.expires_at.getTime(), zone), zone, -row.days_before);
        const sendAfter = nextSendingMoment(plannedAt > now ? plannedAt : now, zone, this.window);
        const stillDue = row.send_after <= now && sendAfter <= now;
        if (stillDue || sendAfter.getTime() === row.send_after.getTime()) continue;
        moves.push({ id: Number(row.id), plannedAt, sendAfter });
      }
    }
    let moved = 0;
    for (const chunk of chunks(moves)) {
      // Each row's new moments through a derived table: one UPDATE for the chunk, however many moments.
      const rest = ' UNION ALL SELECT ?, ?, ?'.repeat(chunk.length - 1);
      const result = (await manager.query(
        `UPDATE notifications n JOIN (SELECT ? AS id, ? AS planned_at, ? AS send_after${rest}) m ON m.id = n.id
            SET n.planned_at = m.planned_at, n.send_after = m.send_after, n.queue_after = m.send_after
          WHERE n.status = ?`,
        [...chunk.flatMap((move) => [move.id, move.plannedAt, move.sendAfter]), NotificationStatus.PENDING],
      )) as { affectedRows: number };
      moved += result.affectedRows;
    }
    return moved;
  }

  /** The store timezone of each recipient; an unknown zone (old data) falls back to UTC, logged once per store. */
  private async recipientZones(
    manager: EntityManager,
    drafts: Pick<NotificationDraft, 'recipientId' | 'recipientStore'>[],
  ): Promise<Map<number, string>> {
    const stores = new Map<number, RecipientStore>();
    for (const draft of drafts) if (draft.recipientStore) stores.set(draft.recipientId, draft.recipientStore);
    for (const [id, store] of await this.readRecipientStores(manager, drafts, stores)) stores.set(id, store);
    const zones = new Map<number, string>();
    const reported = new Set<number>();
    for (const [recipientId, store] of stores) {
      const { timezone, known } = resolveTimezone(store.timezone);
      if (!known && !reported.has(store.storeId)) {
        reported.add(store.storeId);
        this.logger.warn(
          { storeId: store.storeId, timezone: store.timezone },
          'Store has an unknown timezone; its reminders follow UTC office hours until it is corrected',
        );
      }
      zones.set(recipientId, timezone);
    }
    return zones;
  }

  /** The stores of the recipients not in `known`. */
  private async readRecipientStores(
    manager: EntityManager,
    drafts: Pick<NotificationDraft, 'recipientId'>[],
    known: Map<number, RecipientStore>,
  ): Promise<[number, RecipientStore][]> {
    const ids = [...new Set(drafts.map((d) => d.recipientId).filter((id) => !known.has(id)))];
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder()
      .select(['e.id AS id', 'e.store_id AS store_id', 's.timezone AS timezone'])
      .from('employees', 'e')
      .innerJoin('stores', 's', 's.id = e.store_id')
      .where('e.id IN (:...ids)', { ids })
      .getRawMany<RecipientStoreRow>();
    return rows.map((row) => [Number(row.id), { storeId: Number(row.store_id), timezone: row.timezone }]);
  }
}
