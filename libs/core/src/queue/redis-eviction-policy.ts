import IORedis from 'ioredis';
import type { RedisConfig } from '../config';
import { redisConnectionOptions } from './redis-connection';

/**
 * BullMQ keeps jobs, locks and schedulers as ordinary keys: a Redis that evicts keys under
 * memory pressure silently drops them, so its docs require `maxmemory-policy noeviction`.
 */
export const REQUIRED_EVICTION_POLICY = 'noeviction';

/** The `maxmemory_policy` line of `INFO memory`, or undefined when the server does not report it. */
export function evictionPolicyFromInfo(info: string): string | undefined {
  const line = info.split(/\r?\n/).find((l) => l.startsWith('maxmemory_policy:'));
  return line?.slice('maxmemory_policy:'.length).trim();
}

/** What to tell the operator about a policy, or null when it is the one BullMQ needs. */
export function evictionPolicyProblem(policy: string | undefined): string | null {
  if (policy === REQUIRED_EVICTION_POLICY) return null;
  if (policy === undefined) {
    return `Could not read Redis maxmemory-policy; make sure it is "${REQUIRED_EVICTION_POLICY}" or queued jobs may be lost`;
  }
  return (
    `Redis maxmemory-policy is "${policy}"; set it to "${REQUIRED_EVICTION_POLICY}" ` +
    '(redis-server --maxmemory-policy noeviction) or Redis may evict queued jobs under memory pressure'
  );
}

/**
 * Reads the policy with `INFO memory` (allowed on managed services that disable CONFIG).
 * Resolves undefined when the server does not answer it.
 */
export async function readEvictionPolicy(config: RedisConfig): Promise<string | undefined> {
  const client = new IORedis({
    ...redisConnectionOptions(config.REDIS_URL),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    return undefined; // without retries, the client has closed itself
  }
  try {
    return evictionPolicyFromInfo(await client.info('memory'));
  } catch {
    return undefined;
  } finally {
    await client.quit().catch(() => undefined);
  }
}
