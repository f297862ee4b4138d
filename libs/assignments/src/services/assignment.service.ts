import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import { Clock, ConflictError, NotFoundError, type RawRow } from '@lp/core';
import type { AfterCommit } from '@lp/organisation';
import { AssignmentStatus, OPEN_ASSIGNMENT_STATUSES } from '../assignment-status';
import { AssignmentEntity } from '../entities';
import { AssignmentCompletion } from './assignment-completion';
import { assignmentRows } from './assignment-row';
import { type AssignmentView, viewOfAssignment } from './assignment-view';

/** What the learning domain needs from assignments: locking a learner's own, starting and completing them. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly completion: AssignmentCompletion,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  view(assignment: AssignmentEntity): AssignmentView {
    return viewOfAssignment(assignment, this.clock.now());
  }

  /**
   * Locks one of the employee's own assignments for the rest of the transaction, so progress,
   * attempts and completion of one assignment happen one at a time. Someone else's
   * assignment is NOT_FOUND, exactly like one that does not exist.
   */
  async lockOwn(manager: EntityManager, employeeId: number, assignmentId: number): Promise<AssignmentEntity> {
    const [row] = (await manager.query(
      `SELECT ${assignmentRows.columns(manager.connection, 'a')} FROM assignments a WHERE a.id = ? AND a.employee_id = ? FOR UPDATE`,
      [assignmentId, employeeId],
    )) as RawRow[];
    if (!row) throw new NotFoundError('Assignment', assignmentId);
    return assignmentRows.from(manager.connection, row);
  }

  /** Refuses work on an assignment that was cancelled. */
  assertNotCancelled(assignment: AssignmentEntity): void {
    if (assignment.status === AssignmentStatus.CANCELLED) {
      throw new ConflictError('This assignment was cancelled');
    }
  }

  /**
   * The learner has begun: an ASSIGNED assignment becomes IN_PROGRESS and keeps the course
   * version they are taking (a version already fixed is never replaced).
   */
  async start(manager: EntityManager, assignment: AssignmentEntity, courseVersionId: number): Promise<void> {
    if (assignment.courseVersionId !== null && assignment.status !== AssignmentStatus.ASSIGNED) return;
    assignment.courseVersionId ??= courseVersionId;
    if (assignment.status === AssignmentStatus.ASSIGNED) assignment.status = AssignmentStatus.IN_PROGRESS;
    await manager.update(
      AssignmentEntity,
      { id: assignment.id },
      { courseVersionId: assignment.courseVersionId, status: assignment.status },
    );
  }

  /**
   * Completes an open assignment and runs the completion hooks in the same transaction.
   * Returns the work to do after commit.
   * @param holderStoreId the learner's store, which the caller has read in this transaction
   *   (a quiz submission reads it with the learner's turn); the audit event and the hooks use it.
   */
  async complete(
    manager: EntityManager,
    assignment: AssignmentEntity,
    actorId: number | null,
    holderStoreId: number,
  ): Promise<AfterCommit[]> {
    const completedAt = this.clock.now();
    const result = await manager
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ status: AssignmentStatus.COMPLETED, completedAt, openKey: null })
      .where('id = :id AND status IN (:...open)', { id: assignment.id, open: OPEN_ASSIGNMENT_STATUSES })
      .execute();
    if (result.affected !== 1) throw new ConflictError('This assignment is no longer open');
    const before = assignment.status;
    Object.assign(assignment, { status: AssignmentStatus.COMPLETED, completedAt, openKey: null });
    await this.audit.record(manager, {
      actorId,
      action: 'ASSIGNMENT_COMPLETED',
      subjectType: 'Assignment',
      subjectId: assignment.id,
      storeId: holderStoreId,
      before: { status: before },
      after: { status: AssignmentStatus.COMPLETED, courseVersionId: assignment.courseVersionId },
    });
    return this.completion.completed(manager, assignment, actorId, holderStoreId);
  }
}
