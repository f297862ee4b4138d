import type { RedisOptions } from 'bullmq';
import type { RedisConfig } from '../config';

/**
 * ioredis options from a REDIS_URL, honouring the database index in its path. BullMQ
 * requires `maxRetriesPerRequest: null` for workers' blocking connections.
 */
export function redisConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** Connection and key prefix shared by every queue and worker, whether Nest builds it or we do. */
export function queueConnection(config: RedisConfig): { connection: RedisOptions; prefix: string } {
  return { connection: redisConnectionOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
}
