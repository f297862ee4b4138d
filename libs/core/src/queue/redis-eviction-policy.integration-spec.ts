import { prepareTestEnvironment } from '@lp/testing';
import { readEvictionPolicy } from './redis-eviction-policy';

describe('reading the Redis eviction policy', () => {
  it('reads the policy of a running server', async () => {
    const { redisUrl } = await prepareTestEnvironment();
    const policy = await readEvictionPolicy({ REDIS_URL: redisUrl, QUEUE_PREFIX: 'unused' });
    expect(policy).toMatch(/^(noeviction|allkeys-|volatile-)/);
  });

  it('answers undefined, not an error, when Redis does not answer', async () => {
    expect(await readEvictionPolicy({ REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: 'unused' })).toBeUndefined();
  });
});
