import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssignmentCancellation,
  type AssignmentCancellationHook,
  AssignmentCompletion,
  type AssignmentCompletionHook,
  type AssignmentEntity,
  AssignmentRescheduling,
  type AssignmentReschedulingHook,
} from '@lp/assignments';
import { CertificationCycleEnd, type CertificationCycleEndHook, type CycleEndReason } from '@lp/certification';
import { NotificationPlanner, NotificationSubjectType } from '@lp/notifications';
import { isoDate } from './reminder-schedule';

/**
 * Cancels the reminders still pending about work that is done, in the transaction that
 * did it: an assignment completed or cancelled, a certification cycle renewed or revoked;
 * and those planned for the old due date of an assignment given another.
 */
@Injectable()
export class ReminderCancellation
  implements
    OnModuleInit,
    AssignmentCompletionHook,
    AssignmentCancellationHook,
    AssignmentReschedulingHook,
    CertificationCycleEndHook
{
  constructor(
    private readonly completion: AssignmentCompletion,
    private readonly cancellation: AssignmentCancellation,
    private readonly rescheduling: AssignmentRescheduling,
    private readonly cycleEnd: CertificationCycleEnd,
    private readonly notifications: NotificationPlanner,
  ) {}

  onModuleInit(): void {
    this.completion.register(this);
    this.cancellation.register(this);
    this.rescheduling.register(this);
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
    await this.onCancelledMany(manager, [assignmentId]);
  }

  async onCancelledMany(manager: EntityManager, assignmentIds: number[]): Promise<void> {
    await this.notifications.cancelFor(
      manager,
      NotificationSubjectType.ASSIGNMENT,
      assignmentIds,
      'Not sent: the assignment was cancelled',
    );
  }

  /**
   * Every reminder about an assignment names its due day in its offset key (`D7@2026-03-01`),
   * so the next planning run plans the new date's. Moved to another day, the old day's
   * pending ones are cancelled; moved within the same day, they are withdrawn instead, as
   * their keys are the new date's too and cancelled ones would never be planned again.
   */
  async onRescheduled(manager: EntityManager, assignmentId: number, from: Date, to: Date): Promise<void> {
    if (isoDate(from) === isoDate(to)) {
      await this.notifications.withdrawFor(manager, NotificationSubjectType.ASSIGNMENT, assignmentId);
      return;
    }
    await this.notifications.cancelFor(
      manager,
      NotificationSubjectType.ASSIGNMENT,
      assignmentId,
      'Not sent: the due date was moved',
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
