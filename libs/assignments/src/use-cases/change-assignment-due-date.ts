import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import { BadInputError, Clock, retriedTransaction } from '@lp/core';
import { type AccessScope, StoreFiguresChanged } from '@lp/organisation';
import { AssignmentReason, presentedStatus } from '../assignment-status';
import { AssignmentEntity } from '../entities';
import { AssignmentRescheduling } from '../services/assignment-rescheduling';
import { lockManagedAssignment } from '../services/managed-assignment';

/**
 * Gives an open assignment in the caller's scope another due date, keeping its progress and
 * history: the date must be ahead, and OVERDUE follows from it (an overdue assignment given
 * time is ASSIGNED or IN_PROGRESS again). A refresher is due when its certificate expires:
 * while that certificate is valid it may be brought forward but not put after the expiry,
 * or the certificate would lapse before its renewal was even overdue, with no reminder or
 * escalation saying so. Once it has lapsed, the refresher is the way back, and any date ahead
 * may be given. Completed and cancelled assignments are CONFLICT.
 */
@Injectable()
export class ChangeAssignmentDueDate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly rescheduling: AssignmentRescheduling,
    private readonly clock: Clock,
    private readonly figuresChanged: StoreFiguresChanged,
  ) {}

  async execute(scope: AccessScope, id: number, dueAt: Date, actorId: number): Promise<AssignmentEntity> {
    const now = this.clock.now();
    if (dueAt <= now) throw new BadInputError('dueAt must be in the future', 'dueAt');
    const { assignment, storeId } = await retriedTransaction(this.dataSource, async (manager) => {
      const { assignment, storeId } = await lockManagedAssignment(manager, scope, id);
      const before = assignment.dueAt;
      if (before.getTime() === dueAt.getTime()) return { assignment, storeId: null };
      if (assignment.reason === AssignmentReason.REFRESHER)
        await this.assertBeforeExpiry(manager, assignment, dueAt, now);
      await manager.update(AssignmentEntity, { id }, { dueAt });
      const changed = Object.assign(assignment, { dueAt });
      await this.audit.record(manager, {
        actorId,
        action: 'ASSIGNMENT_DUE_DATE_CHANGED',
        subjectType: 'Assignment',
        subjectId: id,
        storeId,
        before: { dueAt: before.toISOString(), status: presentedStatus({ ...changed, dueAt: before }, now) },
        after: { dueAt: dueAt.toISOString(), status: presentedStatus(changed, now) },
      });
      await this.rescheduling.rescheduled(manager, id, before, dueAt);
      return { assignment: changed, storeId };
    });
    // Overdue counts follow the due date.
    if (storeId !== null) await this.figuresChanged.notify([storeId]);
    return assignment;
  }

  private async assertBeforeExpiry(
    manager: EntityManager,
    refresher: AssignmentEntity,
    dueAt: Date,
    now: Date,
  ): Promise<void> {
    if (refresher.programId === null) return;
    const [certificate] = (await manager.query(
      'SELECT expires_at FROM certifications WHERE employee_id = ? AND current_key = ? AND revoked_at IS NULL',
      [refresher.employeeId, refresher.programId],
    )) as { expires_at: Date }[];
    if (certificate && certificate.expires_at > now && dueAt > certificate.expires_at) {
      throw new BadInputError(
        `dueAt must not be after ${certificate.expires_at.toISOString()}, when the certificate this refresher renews expires`,
        'dueAt',
        { latest: certificate.expires_at.toISOString() },
      );
    }
  }
}
