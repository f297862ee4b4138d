import { NotificationEntity } from './notification.entity';

export * from './notification.entity';

export const notificationEntities = [NotificationEntity];
