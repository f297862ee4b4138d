import type { Worker } from 'bullmq';

/**
 * Calls `resume` each time the worker's Redis connection is ready again after it was lost.
 * A Redis that comes back without its data has lost the job schedulers: upserting them at
 * once, rather than at the next periodic upsert, gets the planning and the sweep going again.
 */
export async function whenRedisReturns(worker: Worker, resume: () => Promise<void>): Promise<void> {
  // The main connection only: BullMQ drops and reopens the blocking one itself (pausing a worker).
  const client = await worker.backend.client;
  let lost = false;
  client.on('close', () => {
    lost = true;
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    void resume();
  });
}
