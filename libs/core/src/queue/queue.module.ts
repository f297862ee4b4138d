import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RedisConfig } from '../config';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { QueueName } from './queue-names';
import { logRedisOutages } from './redis-outage-log';
import { producerConnection, queueConnection } from './redis-connection';
import { RedisReconnects, RedisReconnectsModule } from './redis-reconnects';

@Module({})
export class QueueModule {
  /**
   * The shared Redis connection, prefix and job defaults; import once per app. A process
   * that only adds jobs asks for `producerOnly`: its adds fail fast while Redis is down.
   */
  static forRoot(options: { producerOnly?: boolean } = {}): DynamicModule {
    const connection = options.producerOnly ? producerConnection : queueConnection;
    return {
      module: QueueModule,
      imports: [
        RedisReconnectsModule,
        BullModule.forRootAsync({
          imports: [RedisReconnectsModule],
          inject: [RedisConfig, RedisReconnects],
          useFactory: (config: RedisConfig, reconnects: RedisReconnects) => ({
            ...connection(config, reconnects),
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
      ],
    };
  }

  static register(...names: QueueName[]): DynamicModule {
    const queues = BullModule.registerQueue(...names.map((name) => ({ name })));
    const outageLog = {
      provide: `QueueOutageLog(${names.join(',')})`,
      inject: names.map((name) => getQueueToken(name)),
      useFactory: (...instances: Queue[]) => instances.forEach(logRedisOutages),
    };
    return { module: QueueModule, imports: [queues], providers: [outageLog], exports: [queues] };
  }
}
