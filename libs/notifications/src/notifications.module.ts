import { Module } from '@nestjs/common';
import { NotificationPlanner } from './services/notification-planner.service';
import { NotificationQueries } from './services/notification-queries.service';
import { NotificationTemplates } from './templates/notification-templates.service';

const services = [NotificationPlanner, NotificationQueries, NotificationTemplates];

/**
 * Planning, reading and the email templates of notifications: what the API and the
 * planners need. Needs NotificationsConfig from the app's ConfigModule.
 */
@Module({ providers: services, exports: services })
export class NotificationsModule {}
