import type { Worker } from 'bullmq';

/**
 * Calls `resume` each time the worker's Redis connection is ready again after it was lost.
 * A Redis that comes back without its data has lost the job schedulers: upserting them at
 * once, rather than at the next periodic upsert, gets the planning and the sweep going again.
 */
export function whenRedisReturns(worker: Worker, resume: () => Promise<void>): void {
  let lost = false;
  worker.backend.on('close', () => {
    lost = true;
  });
  worker.backend.on('ready', () => {
    if (!lost) return;
    lost = false;
    void resume();
  });
}
