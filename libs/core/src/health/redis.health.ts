import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import IORedis from 'ioredis';
import { RedisConfig } from '../config';
import { redisConnectionOptions } from '../queue/redis-connection';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: IORedis;

  constructor(
    config: RedisConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.client = new IORedis({
      ...redisConnectionOptions(config.REDIS_URL),
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2000,
    });
    this.client.on('error', () => undefined);
  }

  async check(key = 'redis') {
    const indicator = this.indicators.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      await this.client.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
