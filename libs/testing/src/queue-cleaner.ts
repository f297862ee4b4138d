import IORedis from 'ioredis';
import { prepareTestEnvironment } from './test-environment';

/**
 * Deletes every Redis key of this Jest worker's queue prefix — as if Redis had been
 * flushed, without touching the other runs that share the test server (never FLUSHALL).
 */
export async function deleteQueueKeys(): Promise<number> {
  const { redisUrl, queuePrefix } = await prepareTestEnvironment();
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
