import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClockModule, ConfigModule, DatabaseModule, QueueModule } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { NotificationDeliveryModule } from '@lp/notifications';
import { ReportingModule } from '@lp/reporting';
import { WORKER_CONFIG } from '../../apps/worker/src/worker.module';

/**
 * The worker's notification and reporting services without its processors, so nothing consumes what the
 * bench queues. Built on call, so it reads the environment the bench has set.
 */
@Module({})
class BenchWorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: BenchWorkerModule,
      imports: [
        ConfigModule.forRoot(WORKER_CONFIG),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot(),
        NotificationDeliveryModule,
        ReportingModule,
      ],
    };
  }
}

export function createWorkerContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(BenchWorkerModule.forRoot(), { logger: ['error'] });
}
