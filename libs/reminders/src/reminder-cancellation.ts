import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssignmentCancellation,
  type AssignmentCancellationHook,
  AssignmentCompletion,
  type AssignmentCompletionHook,
  type AssignmentEntity,
} from '@lp/assignments';
import { CertificationCycleEnd, type CertificationCycleEndHook, type CycleEndReason } from '@lp/certification';
import { NotificationPlanner, NotificationSubjectType } from '@lp/notifications';

/**
 * Cancels the reminders still pending about work that is done, in the transaction that
 * did it: an assignment completed or cancelled, a certification cycle renewed or revoked.
 */
@Injectable()
export class ReminderCancellation
  implements OnModuleInit, AssignmentCompletionHook, AssignmentCancellationHook, CertificationCycleEndHook
{
  constructor(
    private readonly completion: AssignmentCompletion,
    private readonly cancellation: AssignmentCancellation,
    private readonly cycleEnd: CertificationCycleEnd,
    private readonly notifications: NotificationPlanner,
  ) {}

  onModuleInit(): void {
    this.completion.register(this);
    this.cancellation.register(this);
    this.cycleEnd.register(this);
  }

  async onCompleted(manager: EntityManager, assignment: AssignmentEntity): Promise<void> {
    await this.notifications.cancelFor(
      manager,
      NotificationSubjectType.ASSIGNMENT,
      assignment.id,
      'Not sent: the assignment was completed',
    );
  }

  async onCancelled(manager: EntityManager, assignmentId: number): Promise<void> {
    await this.notifications.cancelFor(
      manager,
      NotificationSubjectType.ASSIGNMENT,
      assignmentId,
      'Not sent: the assignment was cancelled',
    );
  }

  async onCycleEnded(manager: EntityManager, certificationId: number, reason: CycleEndReason): Promise<void> {
    await this.notifications.cancelFor(
      manager,
      NotificationSubjectType.CERTIFICATION,
      certificationId,
      reason === 'RENEWED' ? 'Not sent: the certification was renewed' : 'Not sent: the certification was revoked',
    );
  }
}
