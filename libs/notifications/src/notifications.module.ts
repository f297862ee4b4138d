import { Module } from '@nestjs/common';
import { OrganisationModule } from '@lp/organisation';
import { NotificationPlanner } from './services/notification-planner.service';
import { NotificationQueries } from './services/notification-queries.service';
import { RecipientTransfers } from './services/recipient-transfers';
import { NotificationTemplates } from './templates/notification-templates.service';

const services = [NotificationPlanner, NotificationQueries, NotificationTemplates];

/**
 * Planning, reading and the email templates of notifications: what the API and the
 * planners need. Wherever it is imported, moving an employee to another store re-times
 * what is pending for them (RecipientTransfers). Needs NotificationsConfig from the app's
 * ConfigModule.
 */
@Module({ imports: [OrganisationModule], providers: [...services, RecipientTransfers], exports: services })
export class NotificationsModule {}
