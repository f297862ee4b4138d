import { type AssignmentReason, type AssignmentStatus, presentedStatus } from '../assignment-status';
import type { AssignmentEntity } from '../entities';

/** An assignment as clients see it: the stored row with OVERDUE derived from the due date. */
export interface AssignmentView {
  id: number;
  employeeId: number;
  courseId: number;
  courseVersionId: number | null;
  dueAt: Date;
  status: AssignmentStatus;
  reason: AssignmentReason;
  completedAt: Date | null;
  cancelledAt: Date | null;
  assignedById: number | null;
  createdAt: Date;
}

export function viewOfAssignment(assignment: AssignmentEntity, now: Date): AssignmentView {
  return {
    id: assignment.id,
    employeeId: assignment.employeeId,
    courseId: assignment.courseId,
    courseVersionId: assignment.courseVersionId,
    dueAt: assignment.dueAt,
    status: presentedStatus(assignment, now),
    reason: assignment.reason,
    completedAt: assignment.completedAt,
    cancelledAt: assignment.cancelledAt,
    assignedById: assignment.assignedById,
    createdAt: assignment.createdAt,
  };
}
