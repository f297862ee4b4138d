import { Module } from '@nestjs/common';
import { NotificationsModule } from '@lp/notifications';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { NotificationResolver } from './notification.resolver';

@Module({
  imports: [NotificationsModule, OrganisationApiModule],
  providers: [NotificationResolver],
})
export class NotificationsApiModule {}
