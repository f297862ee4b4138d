export * from './job-defaults';
export * from './queue-names';
export * from './queue.module';
export * from './redis-connection';
export * from './redis-eviction-policy';
export * from './system-jobs';
