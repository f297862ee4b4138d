export * from './jobs/reminder-jobs';
export * from './reminder-cancellation';
export * from './reminder-cancellation.module';
export * from './reminder-planning.service';
export * from './reminder-schedule';
export * from './reminders.config';
export * from './reminders.module';
