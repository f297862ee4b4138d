/** Every BullMQ queue of LP Academy. Job names are PascalCase verb-noun, declared beside their processor. */
export enum QueueName {
  /** Operator and infrastructure jobs (e.g. SendTestEmail). */
  System = 'system',
  /** One job per email to deliver, rate-limited for the SMTP server. */
  Mail = 'mail',
  /** The repeating sweep that puts due notifications on the mail queue. */
  NotificationsSweep = 'notifications-sweep',
  /** The repeating planning that turns due dates, expiries and overdue work into reminders. */
  ReminderPlanning = 'reminder-planning',
  /** Recomputes of stores' daily compliance snapshots, coalesced per store, and the nightly close. */
  ComplianceSnapshots = 'compliance-snapshots',
  /** Certificates issued after a change, in bounded transactions of their own (e.g. a course removed from a programme). */
  CertificationIssuing = 'certification-issuing',
}
