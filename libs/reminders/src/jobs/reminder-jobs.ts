/** Jobs of the `reminder-planning` queue. */
export enum ReminderJob {
  /** From the job scheduler (and once at start-up): plan refreshers and reminders. */
  PlanReminders = 'PlanReminders',
}

/** The id of the repeating planning in BullMQ, the same in every worker so upserting it is idempotent. */
export const REMINDER_PLANNING_SCHEDULER_ID = 'plan-reminders';
