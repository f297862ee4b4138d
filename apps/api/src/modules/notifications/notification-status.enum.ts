import { registerEnumType } from '@nestjs/graphql';
import { NotificationStatus as StoredStatus } from '@lp/notifications';

/**
 * What clients see. A notification a worker is sending right now (SENDING in the table)
 * reads as PENDING: to a reader both mean "not sent yet".
 */
export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(NotificationStatus, { name: 'NotificationStatus', description: 'Where a planned email stands' });

export function toNotificationStatus(stored: StoredStatus): NotificationStatus {
  return stored === StoredStatus.SENDING ? NotificationStatus.PENDING : NotificationStatus[stored];
}
