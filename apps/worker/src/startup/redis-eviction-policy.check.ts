import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { evictionPolicyProblem, readEvictionPolicy, RedisConfig } from '@lp/core';

/**
 * Warns at start-up when Redis may evict keys: BullMQ's own check only prints to the
 * console, this one reaches the structured log operators watch.
 */
@Injectable()
export class RedisEvictionPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisEvictionPolicyCheck.name);

  constructor(private readonly redis: RedisConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = await readEvictionPolicy(this.redis);
    const problem = evictionPolicyProblem(policy);
    if (problem) this.logger.warn({ maxmemoryPolicy: policy ?? null }, problem);
  }
}
