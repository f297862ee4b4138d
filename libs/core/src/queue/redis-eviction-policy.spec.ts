import { evictionPolicyFromInfo, evictionPolicyProblem } from './redis-eviction-policy';

describe('the Redis eviction policy check', () => {
  it('reads the policy from INFO memory', () => {
    const info = '# Memory\r\nused_memory:1000\r\nmaxmemory_policy:allkeys-lru\r\nmem_fragmentation_ratio:1.2\r\n';
    expect(evictionPolicyFromInfo(info)).toBe('allkeys-lru');
    expect(evictionPolicyFromInfo('# Memory\r\nused_memory:1000\r\n')).toBeUndefined();
  });

  it('is content with noeviction only', () => {
    expect(evictionPolicyProblem('noeviction')).toBeNull();
    expect(evictionPolicyProblem('allkeys-lru')).toMatch(/"allkeys-lru".*noeviction/);
    expect(evictionPolicyProblem('volatile-lru')).toMatch(/"volatile-lru"/);
    expect(evictionPolicyProblem(undefined)).toMatch(/Could not read/);
  });
});
