import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EmployeeEntity } from '@lp/organisation/entities';

export enum NotificationStatus {
  PENDING = 'PENDING',
  /** Claimed by a worker that is sending it; another may take it over once `queueAfter` has passed. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/** The length of `last_error`: a longer reason (a server's answer, many refused copies) is cut to it. */
export const LAST_ERROR_LENGTH = 1000;

/**
 * One planned email: the database is its source of truth, the queue only says when to
 * try. The same reminder (kind, recipient, subject, offset) exists once, whatever happens
 * to it: NotificationPlanner writes only the drafts not planned yet, and the unique key
 * settles a race between two planners.
 */
@Entity('notifications')
@Unique('uq_notifications_once', ['recipientId', 'kind', 'subjectType', 'subjectId', 'offsetKey'])
@Index('idx_notifications_sweep', ['status', 'queueAfter'])
@Index('idx_notifications_subject', ['subjectType', 'subjectId', 'status'])
@Index('idx_notifications_kind_status', ['kind', 'status'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  /** e.g. ASSIGNMENT_DUE; see NotificationKind. Its template renders the email. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'int', unsigned: true })
  recipientId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: EmployeeEntity;

  /**
   * Employees copied on the email (e.g. the store's managers on an escalation); null when it
   * copies nobody. For a kind whose template reads its copies when sending (`copies`), any
   * list, even an empty one, only says that the email is copied.
   */
  @Column({ type: 'json', nullable: true })
  ccEmployeeIds!: number[] | null;

  /** ASSIGNMENT, CERTIFICATION, STORE…: the record the email is about. */
  @Column({ type: 'varchar', length: 20 })
  subjectType!: string;

  @Column({ type: 'int', unsigned: true })
  subjectId!: number;

  /** Which of the subject's reminders this is: `D7` (days before), `OVERDUE-2`, `2026-W03`… */
  @Column({ type: 'varchar', length: 20 })
  offsetKey!: string;

  /** When the planner wanted it sent. */
  @Column({ type: 'datetime', precision: 3 })
  plannedAt!: Date;

  /** `plannedAt` moved into the sending window of the recipient's store. */
  @Column({ type: 'datetime', precision: 3 })
  sendAfter!: Date;

  /** After this moment an unsent notification is stale and cancelled instead of sent. */
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /**
   * A calendar-day reminder ("7 days left"): it goes from the start of the day this many days
   * before the day of `expiresAt` in the recipient's store's zone, which is worked out again
   * when they or their store move to another zone. Null for the others.
   */
  @Column({ type: 'smallint', unsigned: true, nullable: true })
  daysBefore!: number | null;

  /**
   * When the sweep next looks at the row: `sendAfter` at first, then pushed back each time
   * it is queued (so Redis losing the job is noticed) or claimed (the claim's lease).
   */
  @Column({ type: 'datetime', precision: 3 })
  queueAfter!: Date;

  @Column({ type: 'enum', enum: Object.values(NotificationStatus), default: NotificationStatus.PENDING })
  status!: NotificationStatus;

  /** Delivery attempts started; also identifies the current claim. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  claimedAt!: Date | null;

  /** Why the last attempt failed, or why the notification was cancelled or not sent. */
  @Column({ type: 'varchar', length: LAST_ERROR_LENGTH, nullable: true })
  lastError!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  /** The SMTP server's message id, to trace a delivery in the mail logs. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  /** Small JSON the template needs (ids, a title, a date); never whole records. */
  @Column({ type: 'json', nullable: true })
  templateData!: Record<string, unknown> | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
