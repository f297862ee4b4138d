import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

const logger = new Logger('Queues');

/**
 * Logs a queue's Redis errors once per outage. Without a listener BullMQ prints every
 * failed reconnection attempt to the console (several a second while Redis is down).
 */
export function logRedisOutages(queue: Queue): void {
  let down = false;
  queue.on('error', (error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error, queue: queue.name }, 'Queue cannot reach Redis; retrying');
  });
  queue.backend.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log({ queue: queue.name }, 'Queue reaches Redis again');
  });
}
