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
import {
  CertificationCycleEnd,
  type CertificationCycleEndHook,
  type CertificationProgramEntity,
  type CycleEndReason,
  ProgramService,
} from '@lp/certification';
import { NotificationKind, NotificationPlanner, NotificationStatus, NotificationSubjectType } from '@lp/notifications';
import { isoDate, normaliseOffsets } from './reminder-schedule';

/**
 * Cancels the reminders still pending about work that is done, in the transaction that
 * did it: an assignment completed or cancelled, a certification cycle renewed or revoked;
 * those planned for the old due date of an assignment given another; and those at the
 * reminder offsets a programme no longer has.
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
    private readonly programs: ProgramService,
  ) {}

  onModuleInit(): void {
    this.completion.register(this);
    this.cancellation.register(this);
    this.rescheduling.register(this);
    this.cycleEnd.register(this);
    this.programs.onEdited((manager, before, after) => this.onProgramEdited(manager, before, after));
  }

  /**
   * Reminders are planned about a day ahead, each keyed by its offset (`D7@2026-03-01`):
   * those pending at an offset the programme dropped, about its certifications' expiry and
   * its assignments' due dates, are cancelled; the next planning run plans the new offsets'
   * from then on (a new offset whose moment has already passed is not caught up).
   */
  async onProgramEdited(
    manager: EntityManager,
    before: CertificationProgramEntity,
    after: CertificationProgramEntity,
  ): Promise<void> {
    const kept = new Set(normaliseOffsets(after.reminderOffsetsDays));
    const dropped = normaliseOffsets(before.reminderOffsetsDays).filter((days) => !kept.has(days));
    if (dropped.length === 0) return;
    const atDropped = dropped.map(() => 'n.offset_key LIKE ?').join(' OR ');
    const keyPatterns = dropped.map((days) => `D${days}@%`);
    const rows = (await manager.query(
      `SELECT n.id FROM certifications c
         JOIN notifications n ON n.subject_type = ? AND n.subject_id = c.id AND n.status = ? AND n.kind = ?
        WHERE c.program_id = ? AND c.current_key IS NOT NULL AND (${atDropped})
       UNION ALL
       SELECT n.id FROM assignments a
         JOIN notifications n ON n.subject_type = ? AND n.subject_id = a.id AND n.status = ? AND n.kind = ?
        WHERE a.program_id = ? AND a.open_key IS NOT NULL AND (${atDropped})`,
      [
        NotificationSubjectType.CERTIFICATION,
        NotificationStatus.PENDING,
        NotificationKind.CERTIFICATION_EXPIRING,
        after.id,
        ...keyPatterns,
        NotificationSubjectType.ASSIGNMENT,
        NotificationStatus.PENDING,
        NotificationKind.ASSIGNMENT_DUE,
        after.id,
        ...keyPatterns,
      ],
    )) as { id: number }[];
    await this.notifications.cancelNotifications(
      manager,
      rows.map((row) => Number(row.id)),
      'Not sent: the programme no longer reminds at this offset',
    );
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
