import { Module } from '@nestjs/common';
import { MailModule, QueueModule, QueueName } from '@lp/core';
import { DEFAULT_DELIVERY_RETRY_POLICY, DELIVERY_RETRY_POLICY } from './jobs/notification-jobs';
import { NotificationsModule } from './notifications.module';
import { NotificationDelivery } from './services/notification-delivery.service';
import { NotificationSweep } from './services/notification-sweep.service';

/** The worker's side: sweeping due notifications onto the mail queue and sending them. */
@Module({
  imports: [NotificationsModule, MailModule, QueueModule.register(QueueName.Mail, QueueName.NotificationsSweep)],
  providers: [
    NotificationDelivery,
    NotificationSweep,
    { provide: DELIVERY_RETRY_POLICY, useValue: DEFAULT_DELIVERY_RETRY_POLICY },
  ],
  exports: [NotificationDelivery, NotificationSweep, DELIVERY_RETRY_POLICY],
})
export class NotificationDeliveryModule {}
