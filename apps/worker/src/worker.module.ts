import { type DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  ClockModule,
  ConfigModule,
  DatabaseConfig,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  MailConfig,
  MailModule,
  QueueModule,
  QueueName,
  RedisConfig,
  WorkerConfig,
} from '@lp/core';
import { CertificationModule } from '@lp/certification';
import { lpSchema } from '@lp/migrations/schema';
import { NotificationDeliveryModule, NotificationsConfig } from '@lp/notifications';
import { RemindersConfig, RemindersModule } from '@lp/reminders';
import { ReportingModule } from '@lp/reporting';
import { CertificationIssuingProcessor } from './processors/certification-issuing.processor';
import { ComplianceSnapshotsProcessor } from './processors/compliance-snapshots.processor';
import { WorkerHealthController } from './health/worker-health.controller';
import { MailProcessor } from './processors/mail.processor';
import { NotificationsSweepProcessor } from './processors/notifications-sweep.processor';
import { ReminderPlanningProcessor } from './processors/reminder-planning.processor';
import { SystemProcessor } from './processors/system.processor';
import { CertificateYearsSchedule } from './schedules/certificate-years.schedule';
import { RedisEvictionPolicyCheck } from './startup/redis-eviction-policy.check';

/** Every variable the worker reads, validated together at start-up. */
export const WORKER_CONFIG = [
  AppConfig,
  DatabaseConfig,
  RedisConfig,
  MailConfig,
  WorkerConfig,
  NotificationsConfig,
  RemindersConfig,
];

/** Built on call (not at import) so configuration is read from the environment at start-up. */
@Module({})
export class WorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(WORKER_CONFIG),
        ClockModule,
        LoggingModule,
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot(),
        QueueModule.register(QueueName.System, QueueName.ComplianceSnapshots),
        MailModule,
        HealthModule,
        CertificationModule,
        NotificationDeliveryModule,
        RemindersModule,
        ReportingModule,
      ],
      controllers: [WorkerHealthController],
      providers: [
        RedisEvictionPolicyCheck,
        CertificateYearsSchedule,
        SystemProcessor,
        MailProcessor,
        NotificationsSweepProcessor,
        ReminderPlanningProcessor,
        ComplianceSnapshotsProcessor,
        CertificationIssuingProcessor,
      ],
    };
  }
}
