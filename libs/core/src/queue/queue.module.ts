import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { RedisConfig } from '../config';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { QueueName } from './queue-names';
import { queueConnection } from './redis-connection';

@Module({})
export class QueueModule {
  /** The shared Redis connection, prefix and job defaults; import once per app. */
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [RedisConfig],
          useFactory: (config: RedisConfig) => ({ ...queueConnection(config), defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        }),
      ],
    };
  }

  static register(...names: QueueName[]): DynamicModule {
    const queues = BullModule.registerQueue(...names.map((name) => ({ name })));
    return { module: QueueModule, imports: [queues], exports: [queues] };
  }
}
