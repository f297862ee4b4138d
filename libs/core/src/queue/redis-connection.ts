import type { RedisOptions } from 'bullmq';
import type { RedisConfig } from '../config';
import type { RedisReconnects } from './redis-reconnects';

/**
 * ioredis options from a REDIS_URL, honouring the database index in its path. BullMQ
 * requires `maxRetriesPerRequest: null` for workers' blocking connections. A lost
 * connection is retried every 2 s at most (BullMQ's own default backs off to 20 s), so
 * workers resume soon after Redis comes back.
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
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
}

/**
 * Connection and key prefix shared by every queue and worker, whether Nest builds it or we
 * do; with the process's `RedisReconnects`, they stop reconnecting once it shuts down.
 */
export function queueConnection(
  config: RedisConfig,
  reconnects?: RedisReconnects,
): { connection: RedisOptions; prefix: string } {
  const connection = redisConnectionOptions(config.REDIS_URL);
  if (reconnects) connection.retryStrategy = reconnects.retryStrategy;
  return { connection, prefix: config.QUEUE_PREFIX };
}

/**
 * For processes that only add jobs (the API): while Redis is unreachable an add fails after
 * one reconnection attempt (at most 2 s) instead of waiting in ioredis's offline queue for
 * Redis to come back, so a request never hangs on Redis and its callers can log and go on
 * (BullMQ's "failing fast when Redis is down" pattern). Not `enableOfflineQueue: false`:
 * with it, closing a queue during an outage throws instead of closing. Not for workers,
 * which must wait for Redis to come back.
 */
export function producerConnection(
  config: RedisConfig,
  reconnects?: RedisReconnects,
): { connection: RedisOptions; prefix: string } {
  const { connection, prefix } = queueConnection(config, reconnects);
  return { connection: { ...connection, maxRetriesPerRequest: 1 }, prefix };
}
