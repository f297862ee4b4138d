import { type DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  ClockModule,
  ConfigModule,
  DatabaseConfig,
  DatabaseModule,
  MailConfig,
  QueueModule,
  QueueName,
  RedisConfig,
} from '@lp/core';
import { CertificationModule } from '@lp/certification';
import { DemoModule } from '@lp/demo';
import { IdentityConfig, IdentityModule } from '@lp/identity';
import { LearningConfig, LearningModule } from '@lp/learning';
import { lpSchema } from '@lp/migrations/schema';
import { OrganisationModule } from '@lp/organisation';
import { ReportingModule } from '@lp/reporting';

export const CLI_CONFIG = [AppConfig, DatabaseConfig, RedisConfig, MailConfig, IdentityConfig, LearningConfig];

/** What operator commands need: the database, the domain services and the queues they feed. */
@Module({})
export class CliModule {
  static forRoot(): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(CLI_CONFIG),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot(),
        QueueModule.register(QueueName.System),
        OrganisationModule,
        IdentityModule,
        LearningModule,
        CertificationModule,
        DemoModule,
        ReportingModule,
      ],
    };
  }
}
