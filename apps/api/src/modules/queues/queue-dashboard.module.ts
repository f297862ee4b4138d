import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bullmq';
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueModule, QueueName } from '@lp/core';
import { IdentityModule } from '@lp/identity';
import { QUEUE_DASHBOARD_SECURITY_POLICY } from '../../http/content-security-policy';
import { AdminOnlyMiddleware } from './admin-only.middleware';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Bull Board for administrators at /admin/queues: every queue's jobs, retries and failures. */
@Module({
  imports: [
    IdentityModule,
    QueueModule.register(
      QueueName.Mail,
      QueueName.NotificationsSweep,
      QueueName.ReminderPlanning,
      QueueName.System,
      QueueName.ComplianceSnapshots,
      QueueName.CertificationIssuing,
    ),
  ],
})
export class QueueDashboardModule implements NestModule {
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(QueueName.Mail) mail: Queue,
    @InjectQueue(QueueName.NotificationsSweep) notificationsSweep: Queue,
    @InjectQueue(QueueName.ReminderPlanning) reminderPlanning: Queue,
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.ComplianceSnapshots) complianceSnapshots: Queue,
    @InjectQueue(QueueName.CertificationIssuing) certificationIssuing: Queue,
  ) {
    this.queues = [mail, notificationsSweep, reminderPlanning, system, complianceSnapshots, certificationIssuing];
  }

  configure(consumer: MiddlewareConsumer): void {
    const board = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue)),
      // @bull-board/express 9.10.1 pins its own copy of @bull-board/api 9.10.1 beside our
      // 9.10.2: the same adapter, typed twice (their private fields make them differ).
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    });
    consumer
      .apply(AdminOnlyMiddleware, QUEUE_DASHBOARD_SECURITY_POLICY, board.getRouter())
      .forRoutes(QUEUE_DASHBOARD_PATH);
  }
}
