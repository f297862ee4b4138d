import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lp/assignments';
import { CertificationModule } from '@lp/certification';
import { NotificationsModule } from '@lp/notifications';
import { ReminderCancellation } from './reminder-cancellation';

/**
 * Wherever assignments are completed or certifications renewed (the API, the worker, the
 * CLI), this module makes that cancel the pending reminders. Needs NotificationsConfig.
 */
@Module({
  imports: [AssignmentsModule, CertificationModule, NotificationsModule],
  providers: [ReminderCancellation],
})
export class ReminderCancellationModule {}
