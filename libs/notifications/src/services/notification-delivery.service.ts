import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type UpdateQueryBuilder } from 'typeorm';
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
   * Delivers notification `id` if it is still due. Throws, after releasing the claim, when
   * a retry may succeed (SMTP down or answering "try later", a database error): BullMQ
   * retries with backoff, and once its attempts are spent the sweep queues the row again,
   * until the notification goes stale. A message the server refuses for good fails at once.
   */
  async deliver(id: number): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    if (await this.cancelIfStale(id, now)) {
      this.logger.warn({ notificationId: id }, 'Notification not sent: its moment has passed');
      return { result: 'cancelled', reason: 'stale' };
    }
    const claimedAt = now;
    if (!(await this.claim(id, claimedAt))) return { result: 'skipped' };

    try {
      const outcome = await this.sendClaimed(id, claimedAt);
      this.logger.log({ notificationId: id, ...outcome }, `Notification ${outcome.result}`);
      return outcome;
    } catch (error) {
      if (refusedForGood(error)) {
        const reason = `Not sent: ${describeFailure(error)}`;
        await this.settle(id, claimedAt, { status: NotificationStatus.FAILED, lastError: reason });
        this.logger.error({ notificationId: id, err: error }, 'Notification refused by the mail server');
        return { result: 'failed', reason };
      }
      const reason = sentence(describeFailure(error));
      await this.settle(id, claimedAt, {
        status: NotificationStatus.PENDING,
        lastError: reason,
        queueAfter: new Date(this.clock.now().getTime() + this.config.NOTIFY_REQUEUE_AFTER_MINUTES * 60_000),
      });
      this.logger.warn({ notificationId: id, reason }, 'Notification attempt failed; it will be retried');
      throw error;
    }
  }

  private async sendClaimed(id: number, claimedAt: Date): Promise<DeliveryOutcome> {
    const notification = await this.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id });
    const recipient = await this.recipient(notification.recipientId);
    if (!recipient.active) return this.notSent(id, claimedAt, 'CANCELLED', 'the employee is no longer active');
    const template = this.templates.get(notification.kind);
    if (!template) return this.notSent(id, claimedAt, 'FAILED', `there is no email template for ${notification.kind}`);
    const toRender = { ...notification, templateData: notification.templateData ?? {} };
    const planned = notification.ccEmployeeIds;
    const copied =
      template.copies && planned !== null ? await template.copies(this.dataSource.manager, toRender) : (planned ?? []);
    const cc = await this.ccAddresses(copied, notification.recipientId);
    if (!recipient.email && cc.length === 0) {
      return this.notSent(id, claimedAt, 'FAILED', 'the employee has no email address');
    }

    const loaded = template.load ? await template.load(this.dataSource.manager, toRender) : {};
    if (loaded === null) {
      const because = template.notLoadedBecause ?? `the ${notification.subjectType.toLowerCase()} no longer exists`;
      return this.notSent(id, claimedAt, 'CANCELLED', because);
    }

    const zone = resolveTimezone(recipient.timezone);
    if (!zone.known) {
      this.logger.warn(
        { storeId: recipient.store_id, timezone: recipient.timezone },
        'Store has an unknown timezone; dates in its emails are shown in UTC',
      );
    }
    let email;
    try {
      email = this.templates.render(notification.kind, {
        recipient: { firstName: recipient.first_name, lastName: recipient.last_name },
        store: { name: recipient.store_name },
        timezone: zone.timezone,
        appUrl: this.appConfig.APP_URL,
        now: this.clock.now(),
        plannedAt: notification.plannedAt,
        values: { ...toRender.templateData, ...loaded },
      });
    } catch (error) {
      return this.notSent(id, claimedAt, 'FAILED', `the email could not be rendered: ${describeFailure(error)}`);
    }

    const to = recipient.email;
    // Many store staff have no email: the managers copied still need to hear of it.
    const addressees = to ? { to, cc: cc.length > 0 ? cc : undefined } : { to: cc.join(', ') };
    const receipt = await this.mail.send({ ...addressees, ...email });
    const refusal = to ? receipt.refused.find((r) => r.address.toLowerCase() === to.toLowerCase()) : undefined;
    if (refusal && refusedForNow(refusal)) {
      // The copies went: the next attempt goes to the recipient alone, so nobody is copied twice.
      await this.settle(id, claimedAt, { ccEmployeeIds: null });
      throw new Error(refusedRecipients([refusal]));
    }
    if (refusal) {
      // Sending again would copy the others twice; HR sees why the recipient has nothing.
      return this.notSent(id, claimedAt, 'FAILED', refusedRecipients([refusal]));
    }
    // Any refusal left is a copy's: the email went, and HR sees who was not copied.
    const uncopied = receipt.refused;
    const notes = [to ? null : COPIES_ONLY, uncopied.length > 0 ? `Not copied: ${refusedRecipients(uncopied)}` : null];
    const marked = await this.settle(id, claimedAt, {
      status: NotificationStatus.SENT,
      sentAt: this.clock.now(),
      messageId: receipt.messageId.slice(0, 255),
      lastError: notes.filter((note) => note !== null).join('; ') || null,
      ...reasonAsSent(toRender.templateData, loaded),
    });
    if (!marked) {
      this.logger.warn({ notificationId: id }, 'Sent after another worker had taken the notification over');
    }
    return { result: 'sent', messageId: receipt.messageId };
  }

  /** Settles a claimed notification that must not be sent, without retrying. */
  private async notSent(
    id: number,
    claimedAt: Date,
    status: 'FAILED' | 'CANCELLED',
    why: string,
  ): Promise<DeliveryOutcome> {
    const reason = `Not sent: ${why}`;
    await this.settle(id, claimedAt, { status: NotificationStatus[status], lastError: reason });
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
    const leaseEnd = new Date(claimedAt.getTime() + this.config.NOTIFY_CLAIM_LEASE_MINUTES * 60_000);
    return this.changedOne(
      this.updateOne(id)
        .set({ status: NotificationStatus.SENDING, claimedAt, queueAfter: leaseEnd, attempts: () => 'attempts + 1' })
        .andWhere('send_after <= :now AND expires_at > :now', { now: claimedAt })
        .andWhere(claimable(claimedAt)),
    );
  }

  /** Updates the row only while this worker's claim (its `claimedAt`) still holds it. */
  private settle(
    id: number,
    claimedAt: Date,
    changes: Partial<
      Pick<
        NotificationEntity,
        'status' | 'lastError' | 'queueAfter' | 'sentAt' | 'messageId' | 'ccEmployeeIds' | 'templateData'
      >
    >,
  ): Promise<boolean> {
    const lastError = changes.lastError?.slice(0, LAST_ERROR_LENGTH);
    return this.changedOne(
      this.updateOne(id)
        // TypeORM's deep-partial type has no room for a JSON value's `unknown`s; it stores it as JSON.
        .set(
          (lastError === undefined ? changes : { ...changes, lastError }) as QueryDeepPartialEntity<NotificationEntity>,
        )
        .andWhere('status = :sending AND claimed_at = :claimedAt', { sending: NotificationStatus.SENDING, claimedAt }),
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
): Pick<NotificationEntity, 'templateData'> | Record<string, never> {
  if (!('reason' in loaded) || (loaded.reason ?? null) === (planned.reason ?? null)) return {};
  const { reason: _planned, ...rest } = planned;
  return { templateData: loaded.reason === null ? rest : { ...rest, reason: loaded.reason } };
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
