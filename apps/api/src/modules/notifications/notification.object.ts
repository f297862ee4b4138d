import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { NotificationEntity } from '@lp/notifications';
import { ConnectionType } from '../../graphql/pagination';
import { NotificationStatus, toNotificationStatus } from './notification-status.enum';

@ObjectType('Notification', { description: 'A planned email: a reminder, an escalation, a digest' })
export class NotificationObject {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'e.g. ASSIGNMENT_DUE, CERTIFICATION_EXPIRING, ESCALATION, WEEKLY_DIGEST' })
  kind!: string;

  @Field(() => NotificationStatus)
  status!: NotificationStatus;

  @Field({ description: 'When the planner wanted it sent' })
  plannedAt!: Date;

  @Field({ description: "plannedAt moved into office hours of the recipient's store" })
  sendAfter!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Int, { description: 'Delivery attempts made' })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt failed, or why it was not sent (cancelled, stale, no email address); for one sent, a note (someone not copied, others sent in the same email)',
  })
  lastError!: string | null;

  @Field({ description: 'What it is about: ASSIGNMENT, CERTIFICATION, STORE…' })
  subjectType!: string;

  @Field(() => ID)
  subjectId!: number;

  @Field({ description: "Which of the subject's reminders: D7 (days before), OVERDUE-2, 2026-W03…" })
  offsetKey!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Why it went to this recipient, when they stand in for the usual one: a store without an active manager escalates to its region's regional managers, or to HR when the region has none",
  })
  reason!: string | null;

  recipientId!: number;
}

@ObjectType()
export class NotificationConnection extends ConnectionType(NotificationObject, 'Notification') {}

export function toNotificationObject(notification: NotificationEntity): NotificationObject {
  return {
    id: notification.id,
    kind: notification.kind,
    status: toNotificationStatus(notification.status),
    plannedAt: notification.plannedAt,
    sendAfter: notification.sendAfter,
    sentAt: notification.sentAt,
    attempts: notification.attempts,
    lastError: notification.lastError,
    subjectType: notification.subjectType,
    subjectId: notification.subjectId,
    offsetKey: notification.offsetKey,
    reason: typeof notification.templateData?.reason === 'string' ? notification.templateData.reason : null,
    recipientId: notification.recipientId,
  };
}
