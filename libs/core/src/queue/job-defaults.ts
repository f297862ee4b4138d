import type { DefaultJobOptions } from 'bullmq';

/**
 * Retry and retention defaults for every queue: exponential backoff from 10 s over 6
 * attempts (about 5 minutes in all), completed jobs kept a day for the dashboard, failed
 * ones a week for diagnosis.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
