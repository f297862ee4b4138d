import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import IORedis from 'ioredis';
import { RedisConfig, redisConnectionOptions } from '@lp/core';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Fixed window per key: the first hit starts the window; a hit over the limit blocks the
 * key for the block duration. One round trip, atomic, so every API process shares it.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local blockedFor = redis.call('PTTL', KEYS[2])
if blockedFor <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockedFor = tonumber(ARGV[3])
end
return { hits, redis.call('PTTL', KEYS[1]), blockedFor }
`;

const ALLOW: ThrottlerStorageRecord = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };

function seconds(milliseconds: number): number {
  return Math.max(0, Math.ceil(milliseconds / 1000));
}

/**
 * Throttling counters (sign-in, verification, the API-wide limits) in Redis rather than in
 * process memory, so every limit holds however many API processes run. While Redis is
 * unreachable, requests are let through at once, without waiting for it, and the outage is
 * logged once: the per-account sign-in lock-out kept in MySQL still protects every account.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly client: IORedis;
  private readonly prefix: string;
  private unavailable = false;

  constructor(config: RedisConfig) {
    this.prefix = `${config.QUEUE_PREFIX}:throttle:`;
    this.client = new IORedis({
      ...redisConnectionOptions(config.REDIS_URL),
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      // Every request counts here, often twice (address and account): the increments issued in
      // one turn of the event loop share one write to Redis instead of a system call each.
      enableAutoPipelining: true,
    });
    this.client.on('error', () => undefined);
  }

  async increment(
    key: string,
    ttlMilliseconds: number,
    limit: number,
    blockMilliseconds: number,
  ): Promise<ThrottlerStorageRecord> {
    if (this.client.status !== 'ready') return this.letThrough(new Error(`Redis connection is ${this.client.status}`));
    try {
      const [hits, expiresIn, blockedFor] = (await this.client.eval(
        INCREMENT,
        2,
        `${this.prefix}${key}`,
        `${this.prefix}${key}:blocked`,
        ttlMilliseconds,
        limit,
        blockMilliseconds,
      )) as [number, number, number];
      if (this.unavailable) {
        this.unavailable = false;
        this.logger.log('Throttling is back (Redis answers again)');
      }
      const isBlocked = blockedFor > 0;
      return {
        totalHits: hits,
        timeToExpire: seconds(expiresIn),
        isBlocked,
        timeToBlockExpire: isBlocked ? seconds(blockedFor) : 0,
      };
    } catch (error) {
      return this.letThrough(error);
    }
  }

  /**
   * Counts one request against each limit over a fixed window; a key over its limit stays
   * refused for the rest of the window. Answers the seconds until every key lets the
   * request through again (Retry-After), or 0 when none refuses it.
   */
  async refusal(limits: { key: string; limit: number }[], windowMs: number): Promise<number> {
    const counts = await Promise.all(limits.map(({ key, limit }) => this.increment(key, windowMs, limit, windowMs)));
    const blocked = counts.filter((count) => count.isBlocked);
    return blocked.length === 0 ? 0 : Math.max(1, ...blocked.map((count) => count.timeToBlockExpire));
  }

  private letThrough(error: unknown): ThrottlerStorageRecord {
    if (!this.unavailable) {
      this.unavailable = true;
      this.logger.warn({ err: error }, 'Throttling is unavailable (Redis); letting requests through until it answers');
    }
    return ALLOW;
  }

  /** Lifts every block and forgets every count, e.g. after a store's shared address was blocked. */
  async forgetAll(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await this.client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
