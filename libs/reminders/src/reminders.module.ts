import { Module } from '@nestjs/common';
import { CertificationModule } from '@lp/certification';
import { QueueModule, QueueName } from '@lp/core';
import { NotificationsModule } from '@lp/notifications';
import { AssignmentReminderPlanner } from './planners/assignment-reminder.planner';
import { CertificationReminderPlanner } from './planners/certification-reminder.planner';
import { RefresherPlanner } from './planners/refresher.planner';
import { WeeklyDigestPlanner } from './planners/weekly-digest.planner';
import { ReminderCancellationModule } from './reminder-cancellation.module';
import { ReminderPlanning } from './reminder-planning.service';
import { ReminderTemplates } from './templates/reminder-templates';

/**
 * The worker's side of reminders: the planners, the planning run and its schedule, and
 * the email templates of the kinds they plan. Needs RemindersConfig and NotificationsConfig.
 */
@Module({
  imports: [
    CertificationModule,
    NotificationsModule,
    ReminderCancellationModule,
    QueueModule.register(QueueName.ReminderPlanning),
  ],
  providers: [
    RefresherPlanner,
    AssignmentReminderPlanner,
    CertificationReminderPlanner,
    WeeklyDigestPlanner,
    ReminderPlanning,
    ReminderTemplates,
  ],
  exports: [ReminderPlanning],
})
export class RemindersModule {}
