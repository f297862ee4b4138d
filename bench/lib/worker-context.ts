import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, ConfigModule, DatabaseModule, QueueModule, SystemClock } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { NotificationDeliveryModule } from '@lp/notifications';
import { RemindersModule } from '@lp/reminders';
import { ReportingModule } from '@lp/reporting';
import { WORKER_CONFIG } from '../../apps/worker/src/worker.module';

/** The one "now" of every service in the context, for scenarios that move time. */
@Module({})
class BenchClockModule {
  static of(clock: Clock): DynamicModule {
    return {
      module: BenchClockModule,
      global: true,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}

/**
 * The worker's reminder, notification and reporting services without its processors, so
 * nothing consumes what the bench queues. Built on call, so it reads the environment the
 * bench has set.
 */
@Module({})
class BenchWorkerModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: BenchWorkerModule,
      imports: [
        ConfigModule.forRoot(WORKER_CONFIG),
        BenchClockModule.of(clock),
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot(),
        NotificationDeliveryModule,
        RemindersModule,
        ReportingModule,
      ],
    };
  }
}

/** @param clock "now" for the worker's services; the system's unless a scenario moves time. */
export function createWorkerContext(clock: Clock = new SystemClock()): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(BenchWorkerModule.forRoot(clock), { logger: ['error'] });
}
