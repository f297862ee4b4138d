import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClockModule, ConfigModule, DatabaseModule, QueueModule, QueueName } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { ReportingModule } from '@lp/reporting';
import { ComplianceSnapshotsProcessor } from '../../apps/worker/src/processors/compliance-snapshots.processor';
import { WORKER_CONFIG } from '../../apps/worker/src/worker.module';
import type { RunningServer } from './running-server';

/**
 * The worker's snapshot processor alone (same class, same concurrency), so the bench can
 * watch it keep up with recomputes without the worker's other schedulers (reminder
 * planning, the sweep) writing into the bench database meanwhile.
 */
@Module({})
class SnapshotWorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: SnapshotWorkerModule,
      imports: [
        ConfigModule.forRoot(WORKER_CONFIG),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot(),
        QueueModule.register(QueueName.ComplianceSnapshots),
        ReportingModule,
      ],
      providers: [ComplianceSnapshotsProcessor],
    };
  }
}

export async function startSnapshotWorker(options: { logger?: boolean } = {}): Promise<RunningServer> {
  const app = await NestFactory.createApplicationContext(SnapshotWorkerModule.forRoot(), {
    logger: options.logger === false ? false : ['error', 'warn'],
  });
  return { url: 'bullmq', pid: process.pid, close: () => app.close() };
}
