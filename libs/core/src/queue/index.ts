export * from './job-defaults';
export * from './queue-names';
export * from './queue.module';
export * from './redis-connection';
export * from './system-jobs';
