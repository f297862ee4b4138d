import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  AppConfig,
  ClockModule,
  ConfigModule,
  DatabaseConfig,
  DatabaseModule,
  GraphqlConfig,
  HealthModule,
  HttpConfig,
  LoggingModule,
  MailConfig,
  MailModule,
  QueueModule,
  RedisConfig,
  WebConfig,
} from '@lp/core';
import { IdentityConfig } from '@lp/identity';
import { lpSchema } from '@lp/migrations/schema';
import { NotificationsConfig } from '@lp/notifications';
import { ReminderCancellationModule } from '@lp/reminders';
import { SnapshotsConfig } from '@lp/reporting';
import { AppErrorFilter } from './graphql/app-error.filter';
import { graphqlOptions } from './graphql/graphql.options';
import { ExecutionDeadlineModule } from './graphql/limits/execution-deadline.module';
import { GraphiqlController } from './graphql/graphiql.controller';
import { createValidationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { ApiRateLimitModule } from './http/rate-limit/api-rate-limit.module';
import { AuditApiModule } from './modules/audit/audit-api.module';
import { CertificationApiModule } from './modules/certification/certification-api.module';
import { AssignmentsApiModule } from './modules/assignments/assignments-api.module';
import { IdentityApiModule } from './modules/identity/identity-api.module';
import { LearningApiModule } from './modules/learning/learning-api.module';
import { NotificationsApiModule } from './modules/notifications/notifications-api.module';
import { OrganisationApiModule } from './modules/organisation/organisation-api.module';
import { QueueDashboardModule } from './modules/queues/queue-dashboard.module';
import { ReportingApiModule } from './modules/reporting/reporting-api.module';

/** Every variable the API reads, validated together at start-up. */
export const API_CONFIG = [
  AppConfig,
  DatabaseConfig,
  RedisConfig,
  MailConfig,
  IdentityConfig,
  HttpConfig,
  NotificationsConfig,
  GraphqlConfig,
  SnapshotsConfig,
  WebConfig,
];

export interface AppModuleOptions {
  /** Serve the local GraphQL browser at /graphiql (development and test only). */
  graphiql: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const controllers: Type[] = [HealthController];
    if (options.graphiql) controllers.push(GraphiqlController);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(API_CONFIG),
        ClockModule,
        LoggingModule,
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot({ producerOnly: true }),
        MailModule,
        HealthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig, GraphqlConfig],
          useFactory: graphqlOptions,
        }),
        ApiRateLimitModule,
        ExecutionDeadlineModule,
        IdentityApiModule,
        OrganisationApiModule,
        AuditApiModule,
        CertificationApiModule,
        LearningApiModule,
        AssignmentsApiModule,
        NotificationsApiModule,
        ReminderCancellationModule,
        QueueDashboardModule,
        ReportingApiModule,
      ],
      controllers,
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}
