import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { Clock, ConflictError, NotFoundError, retriedTransaction } from '@lp/core';
import { type AccessScope, restrictToScope, StoreFiguresChanged } from '@lp/organisation';
import { AssignmentStatus, isOpen } from '../assignment-status';
import { AssignmentEntity } from '../entities';
import { AssignmentCancellation } from '../services/assignment-cancellation';

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
      const query = manager
        .createQueryBuilder(AssignmentEntity, 'a')
        .setLock('pessimistic_write')
        .innerJoin('employees', 'e', 'e.id = a.employee_id')
        .where('a.id = :id', { id });
      const assignment = await restrictToScope(query, scope, { storeColumn: 'e.store_id' }).getOne();
      if (!assignment) throw new NotFoundError('Assignment', id);
      if (!isOpen(assignment.status))
        throw new ConflictError(`Assignment ${id} is already ${assignment.status.toLowerCase()}`);
      const cancelledAt = this.clock.now();
      await manager.update(
        AssignmentEntity,
        { id },
        { status: AssignmentStatus.CANCELLED, openKey: null, cancelledAt, cancelledById: actorId },
      );
      const [{ store_id: storeId }] = (await manager.query('SELECT store_id FROM employees WHERE id = ?', [
        assignment.employeeId,
      ])) as { store_id: number }[];
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
