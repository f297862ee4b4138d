import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type UpdateQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AppConfig,
  Clock,
  describeFailure,
  MailService,
  refusedForGood,
  refusedForNow,
  refusedRecipients,
  retryOnDeadlock,
  sentence,
} from '@lp/core';
import { resolveTimezone } from '@lp/organisation';
import { LAST_ERROR_LENGTH, NotificationEntity, NotificationStatus } from '../entities';
import { NotificationsConfig } from '../notifications.config';
import type { NotificationToRender } from '../templates/notification-template';
import { NotificationTemplates } from '../templates/notification-templates.service';
import { staleOutcome } from './stale-outcome';

export type DeliveryOutcome =
  | { result: 'sent'; messageId: string }
  /** Nothing to do: already settled, not due, or held by another worker's claim. */
  | { result: 'skipped' }
  | { result: 'cancelled'; reason: string }
  | { result: 'failed'; reason: string };

interface Recipient {
  first_name: string;
  last_name: string;
  email: string | null;
  active: number;
  store_name: string;
  store_id: number;
  timezone: string;
}

const COPIES_ONLY = 'Sent to the copies only: the employee has no email address';

/**
 * The most notifications one email sends `together`: a list past this is a wall nobody reads,
 * and the rest go in the next (their own jobs claim them).
 */
const TOGETHER_LIMIT = 200;

/**
 * Sends one notification, at most once in normal operation. The row is claimed with a
 * conditional UPDATE (PENDING → SENDING) before the SMTP call and marked SENT after it,
 * so a job that runs twice (a stalled job, a re-queued id, two workers) finds nothing to
 * claim the second time. A claim is a lease: when its worker dies, the row may be claimed
 * again once NOTIFY_CLAIM_LEASE_MINUTES have passed. Only a crash between the SMTP server
 * accepting the message and the SENT update can still send it twice. Each of these updates
 * is run again when InnoDB breaks a race with the sweep's batch updates as a deadlock:
 * a SENT update lost that way would have the message sent again on the job's retry.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly templates: NotificationTemplates,
    private readonly config: NotificationsConfig,
    private readonly appConfig: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Delivers notification `id` if it is still due, with the others of its kind due to the
   * same recipient when its template sends them `together` (one email; their own jobs then
   * find nothing to claim). Throws, after releasing the claim, when a retry may succeed (SMTP
   * down or answering "try later", a database error): BullMQ retries with backoff, and once
   * its attempts are spent the sweep queues the row again, until the notification goes stale.
   * A message the server refuses for good fails at once.
   */
  async deliver(id: number): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    if (await this.cancelIfStale(id, now)) {
      this.logger.warn({ notificationId: id }, 'Notification not sent: its moment has passed');
      return { result: 'cancelled', reason: 'stale' };
    }
    const claimedAt = now;
    const ids = await this.claimTogether(id, claimedAt);
    if (ids.length === 0) return { result: 'skipped' };

    try {
      const outcome = await this.sendClaimed(ids, claimedAt);
      this.logger.log({ notificationId: id, together: ids.length, ...outcome }, `Notification ${outcome.result}`);
      return outcome;
    } catch (error) {
      if (refusedForGood(error)) {
        const reason = `Not sent: ${describeFailure(error)}`;
        await this.settle(ids, claimedAt, { status: NotificationStatus.FAILED, lastError: reason });
        this.logger.error({ notificationId: id, err: error }, 'Notification refused by the mail server');
        return { result: 'failed', reason };
      }
      const reason = sentence(describeFailure(error));
      await this.settle(ids, claimedAt, {
        status: NotificationStatus.PENDING,
        lastError: reason,
        queueAfter: new Date(this.clock.now().getTime() + this.config.NOTIFY_REQUEUE_AFTER_MINUTES * 60_000),
      });
      this.logger.warn({ notificationId: id, reason }, 'Notification attempt failed; it will be retried');
      throw error;
    }
  }

  /**
   * Claims notification `id` as `claim` does, and with it, for a kind whose template sends
   * them `together`, the others of its kind to the same recipient that are due (up to
   * TOGETHER_LIMIT in all); returns their ids, `id` first, or none when `id` is not to be
   * sent now. The others are found without locks, then locked by id (in id order) and claimed
   * if still claimable, so the jobs of the others, running beside this one, wait on those
   * rows only and then find theirs taken. A locking read by recipient and kind would lock
   * all the rows and gaps of the index range it scans (HR's years of escalations, or every
   * escalation waiting to go out) and stall the planner inserting new ones.
   */
  private async claimTogether(id: number, claimedAt: Date): Promise<number[]> {
    const [notification] = (await this.dataSource.query('SELECT kind, recipient_id FROM notifications WHERE id = ?', [
      id,
    ])) as { kind: string; recipient_id: number }[];
    if (!notification || !this.templates.get(notification.kind)?.together)
      return (await this.claim(id, claimedAt)) ? [id] : [];
    const candidates = [id, ...(await this.othersDue(id, notification.recipient_id, notification.kind, claimedAt))];
    const [due, dueParams] = dueAndClaimable(claimedAt);
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT id FROM notifications WHERE id IN (?) AND ${due} ORDER BY id FOR UPDATE`,
          [candidates, ...dueParams],
        )) as { id: number }[];
        const claimable = new Set(rows.map((row) => Number(row.id)));
        if (!claimable.has(id)) return [];
        const ids = candidates.filter((candidate) => claimable.has(candidate));
        await manager
          .createQueryBuilder()
          .update(NotificationEntity)
          .set(this.claimChanges(claimedAt))
          .where('id IN (:...ids)', { ids })
          .execute();
        return ids;
      }),
    );
  }

  /**
   * The recipient's other notifications of `kind` that are due now, oldest first. A plain
   * read: with the status conditions the optimizer reads the unsent ones (by kind and
   * status, or the recipient's when they have few), never the sent history.
   */
  private async othersDue(id: number, recipientId: number, kind: string, now: Date): Promise<number[]> {
    const [due, dueParams] = dueAndClaimable(now);
    const rows = (await this.dataSource.query(
      `SELECT id FROM notifications WHERE recipient_id = ? AND kind = ? AND id <> ? AND ${due} ORDER BY id LIMIT ?`,
      [recipientId, kind, id, ...dueParams, TOGETHER_LIMIT - 1],
    )) as { id: number }[];
    return rows.map((row) => Number(row.id));
  }

  /** Sends the claimed notifications (all of one kind, to one recipient): one email. */
  private async sendClaimed(ids: number[], claimedAt: Date): Promise<DeliveryOutcome> {
    const notifications = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    const [first] = notifications;
    const recipient = await this.recipient(first.recipientId);
    if (!recipient.active) return this.notSent(ids, claimedAt, 'CANCELLED', 'the employee is no longer active');
    const template = this.templates.get(first.kind);
    if (!template) return this.notSent(ids, claimedAt, 'FAILED', `there is no email template for ${first.kind}`);
    const toRender = notifications.map((n) => ({ ...n, templateData: n.templateData ?? {} }));
    const planned = first.ccEmployeeIds;
    const copied =
      template.copies && planned !== null
        ? await template.copies(this.dataSource.manager, toRender[0])
        : (planned ?? []);
    const cc = await this.ccAddresses(copied, first.recipientId);
    if (!recipient.email && cc.length === 0) {
      return this.notSent(ids, claimedAt, 'FAILED', 'the employee has no email address');
    }

    const loaded: { notification: NotificationToRender; values: Record<string, unknown> }[] = [];
    let notLoaded: DeliveryOutcome | undefined;
    for (const notification of toRender) {
      const values = template.load ? await template.load(this.dataSource.manager, notification) : {};
      if (values !== null) loaded.push({ notification, values });
      else {
        const because = template.notLoadedBecause ?? `the ${notification.subjectType.toLowerCase()} no longer exists`;
        notLoaded = await this.notSent([notification.id], claimedAt, 'CANCELLED', because);
      }
    }
    if (loaded.length === 0) return notLoaded!;
    const sending = loaded.map(({ notification }) => notification.id);

    const zone = resolveTimezone(recipient.timezone);
    if (!zone.known) {
      this.logger.warn(
        { storeId: recipient.store_id, timezone: recipient.timezone },
        'Store has an unknown timezone; dates in its emails are shown in UTC',
      );
    }
    let email;
    try {
      const context = {
        recipient: { firstName: recipient.first_name, lastName: recipient.last_name },
        store: { name: recipient.store_name },
        timezone: zone.timezone,
        appUrl: this.appConfig.APP_URL,
        now: this.clock.now(),
        plannedAt: loaded[0].notification.plannedAt,
      };
      const values = loaded.map(({ notification, values }) => ({ ...notification.templateData, ...values }));
      email =
        values.length === 1
          ? this.templates.render(first.kind, { ...context, values: values[0] })
          : this.templates.renderTogether(first.kind, context, values);
    } catch (error) {
      return this.notSent(sending, claimedAt, 'FAILED', `the email could not be rendered: ${describeFailure(error)}`);
    }

    const to = recipient.email;
    // Many store staff have no email: the managers copied still need to hear of it.
    const addressees = to ? { to, cc: cc.length > 0 ? cc : undefined } : { to: cc.join(', ') };
    const receipt = await this.mail.send({ ...addressees, ...email });
    const refusal = to ? receipt.refused.find((r) => r.address.toLowerCase() === to.toLowerCase()) : undefined;
    if (refusal && refusedForNow(refusal)) {
      // The copies went: the next attempt goes to the recipient alone, so nobody is copied twice.
      await this.settle(sending, claimedAt, { ccEmployeeIds: null });
      throw new Error(refusedRecipients([refusal]));
    }
    if (refusal) {
      // Sending again would copy the others twice; HR sees why the recipient has nothing.
      return this.notSent(sending, claimedAt, 'FAILED', refusedRecipients([refusal]));
    }
    // Any refusal left is a copy's: the email went, and HR sees who was not copied.
    const uncopied = receipt.refused;
    const notes = [
      to ? null : COPIES_ONLY,
      uncopied.length > 0 ? `Not copied: ${refusedRecipients(uncopied)}` : null,
      sending.length > 1 ? `Sent in one email with ${sending.length - 1} other(s) to the same person` : null,
    ];
    const marked = await this.settle(sending, claimedAt, {
      status: NotificationStatus.SENT,
      sentAt: this.clock.now(),
      messageId: receipt.messageId.slice(0, 255),
      lastError: notes.filter((note) => note !== null).join('; ') || null,
    });
    if (!marked) {
      this.logger.warn({ notificationIds: sending }, 'Sent after another worker had taken the notification over');
    }
    for (const { notification, values } of loaded) {
      const asSent = reasonAsSent(notification.templateData, values);
      if (asSent) await this.keepReasonAsSent(notification.id, claimedAt, asSent);
    }
    return { result: 'sent', messageId: receipt.messageId };
  }

  /** Settles claimed notifications that must not be sent, without retrying. */
  private async notSent(
    ids: number[],
    claimedAt: Date,
    status: 'FAILED' | 'CANCELLED',
    why: string,
  ): Promise<DeliveryOutcome> {
    const reason = `Not sent: ${why}`;
    await this.settle(ids, claimedAt, { status: NotificationStatus[status], lastError: reason });
    return status === 'FAILED' ? { result: 'failed', reason } : { result: 'cancelled', reason };
  }

  private updateOne(id: number): UpdateQueryBuilder<NotificationEntity> {
    return this.dataSource.getRepository(NotificationEntity).createQueryBuilder().update().where('id = :id', { id });
  }

  /** Whether the update changed the row; run again if InnoDB picked it as a deadlock's victim. */
  private async changedOne(update: UpdateQueryBuilder<NotificationEntity>): Promise<boolean> {
    const result = await retryOnDeadlock(() => update.execute());
    return result.affected === 1;
  }

  private cancelIfStale(id: number, now: Date): Promise<boolean> {
    return this.changedOne(
      this.updateOne(id).set(staleOutcome()).andWhere('expires_at <= :now', { now }).andWhere(claimable(now)),
    );
  }

  /** PENDING (or SENDING with an expired lease) → SENDING, only when due and not stale. */
  private claim(id: number, claimedAt: Date): Promise<boolean> {
    return this.changedOne(
      this.updateOne(id)
        .set(this.claimChanges(claimedAt))
        .andWhere('send_after <= :now AND expires_at > :now', { now: claimedAt })
        .andWhere(claimable(claimedAt)),
    );
  }

  /** A claim: SENDING by this worker (its `claimedAt`) for the lease. */
  private claimChanges(claimedAt: Date): QueryDeepPartialEntity<NotificationEntity> {
    const leaseEnd = new Date(claimedAt.getTime() + this.config.NOTIFY_CLAIM_LEASE_MINUTES * 60_000);
    return { status: NotificationStatus.SENDING, claimedAt, queueAfter: leaseEnd, attempts: () => 'attempts + 1' };
  }

  /** Updates the rows only while this worker's claim (its `claimedAt`) still holds them; whether it held them all. */
  private async settle(
    ids: number[],
    claimedAt: Date,
    changes: Partial<
      Pick<NotificationEntity, 'status' | 'lastError' | 'queueAfter' | 'sentAt' | 'messageId' | 'ccEmployeeIds'>
    >,
  ): Promise<boolean> {
    const lastError = changes.lastError?.slice(0, LAST_ERROR_LENGTH);
    const update = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder()
      .update()
      .set(lastError === undefined ? changes : { ...changes, lastError })
      .where('id IN (:...ids)', { ids })
      .andWhere('status = :sending AND claimed_at = :claimedAt', { sending: NotificationStatus.SENDING, claimedAt });
    const result = await retryOnDeadlock(() => update.execute());
    return result.affected === ids.length;
  }

  /** Keeps on a sent notification the `reason` its email gave (see reasonAsSent). */
  private async keepReasonAsSent(id: number, claimedAt: Date, templateData: Record<string, unknown>): Promise<void> {
    await this.changedOne(
      this.updateOne(id)
        // TypeORM's deep-partial type has no room for a JSON value's `unknown`s; it stores it as JSON.
        .set({ templateData } as QueryDeepPartialEntity<NotificationEntity>)
        .andWhere('status = :sent AND claimed_at = :claimedAt', { sent: NotificationStatus.SENT, claimedAt }),
    );
  }

  private async recipient(employeeId: number): Promise<Recipient> {
    const [row] = (await this.dataSource.query(
      `SELECT e.first_name, e.last_name, e.email, e.active, s.name AS store_name, s.id AS store_id, s.timezone
         FROM employees e JOIN stores s ON s.id = e.store_id
        WHERE e.id = ?`,
      [employeeId],
    )) as Recipient[];
    return row;
  }

  private async ccAddresses(employeeIds: number[], recipientId: number): Promise<string[]> {
    const ids = employeeIds.filter((id) => id !== recipientId);
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(
      'SELECT email FROM employees WHERE id IN (?) AND active = 1 AND email IS NOT NULL',
      [ids],
    )) as { email: string }[];
    return rows.map((row) => row.email);
  }
}

/**
 * The planned values with the `reason` the email gave, when its template read one afresh:
 * who stands in for a store can change between planning and sending (a manager appointed
 * to one of the stores), and HR's list (`Notification.reason`) must say why it was sent.
 */
function reasonAsSent(
  planned: Record<string, unknown>,
  loaded: Record<string, unknown>,
): Record<string, unknown> | null {
  if (!('reason' in loaded) || (loaded.reason ?? null) === (planned.reason ?? null)) return null;
  const { reason: _planned, ...rest } = planned;
  return loaded.reason === null ? rest : { ...rest, reason: loaded.reason };
}

/** SQL for a row that is due, not stale and that nobody is sending (see `claim`), with its parameters. */
function dueAndClaimable(now: Date): [sql: string, params: unknown[]] {
  return [
    'send_after <= ? AND expires_at > ? AND (status = ? OR (status = ? AND queue_after <= ?))',
    [now, now, NotificationStatus.PENDING, NotificationStatus.SENDING, now],
  ];
}

/** A row nobody is sending: PENDING, or SENDING by a worker whose lease has run out. */
function claimable(now: Date): Brackets {
  return new Brackets((where) =>
    where
      .where('status = :pending', { pending: NotificationStatus.PENDING })
      .orWhere('(status = :sending AND queue_after <= :leaseCheck)', {
        sending: NotificationStatus.SENDING,
        leaseCheck: now,
      }),
  );
}
