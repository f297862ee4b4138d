import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { Clock, retriedTransaction } from '@lp/core';
import { type AccessScope, StoreFiguresChanged } from '@lp/organisation';
import { AssignmentStatus } from '../assignment-status';
import { AssignmentEntity } from '../entities';
import { AssignmentCancellation } from '../services/assignment-cancellation';
import { lockManagedAssignment } from '../services/managed-assignment';

/** Cancels an open assignment in the caller's scope; completed or cancelled ones are CONFLICT. */
@Injectable()
export class CancelAssignment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cancellation: AssignmentCancellation,
    private readonly clock: Clock,
    private readonly figuresChanged: StoreFiguresChanged,
  ) {}

  async execute(scope: AccessScope, id: number, actorId: number): Promise<AssignmentEntity> {
    const { cancelled, storeId } = await retriedTransaction(this.dataSource, async (manager) => {
      const { assignment, storeId } = await lockManagedAssignment(manager, scope, id);
      const cancelledAt = this.clock.now();
      await manager.update(
        AssignmentEntity,
        { id },
        { status: AssignmentStatus.CANCELLED, openKey: null, cancelledAt, cancelledById: actorId },
      );
      await this.audit.record(manager, {
        actorId,
        action: 'ASSIGNMENT_CANCELLED',
        subjectType: 'Assignment',
        subjectId: id,
        storeId,
        before: { status: assignment.status },
        after: { status: AssignmentStatus.CANCELLED },
      });
      await this.cancellation.cancelled(manager, id);
      const cancelled = Object.assign(assignment, {
        status: AssignmentStatus.CANCELLED,
        openKey: null,
        cancelledAt,
        cancelledById: actorId,
      });
      return { cancelled, storeId };
    });
    await this.figuresChanged.notify([storeId]);
    return cancelled;
  }
}
