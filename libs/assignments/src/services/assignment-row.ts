import type { AssignmentReason, StoredAssignmentStatus } from '../assignment-status';
import { AssignmentEntity } from '../entities';

/**
 * An assignment read by hand-written SQL: the hot learner paths lock it on every request, and
 * TypeORM's query building and hydration cost about as much CPU as the statement itself.
 * Columns come prefixed `a_` so they can share a row with another table's.
 */
export function assignmentColumns(alias: string): string {
  return `${alias}.id AS a_id, ${alias}.employee_id AS a_employee_id, ${alias}.course_id AS a_course_id,
          ${alias}.course_version_id AS a_course_version_id, ${alias}.due_at AS a_due_at,
          ${alias}.status AS a_status, ${alias}.reason AS a_reason, ${alias}.open_key AS a_open_key,
          ${alias}.completed_at AS a_completed_at, ${alias}.cancelled_at AS a_cancelled_at,
          ${alias}.program_id AS a_program_id, ${alias}.assigned_by_id AS a_assigned_by_id,
          ${alias}.created_at AS a_created_at, ${alias}.updated_at AS a_updated_at`;
}

export interface AssignmentRow {
  a_id: number;
  a_employee_id: number;
  a_course_id: number;
  a_course_version_id: number | null;
  a_due_at: Date;
  a_status: StoredAssignmentStatus;
  a_reason: AssignmentReason;
  a_open_key: number | null;
  a_completed_at: Date | null;
  a_cancelled_at: Date | null;
  a_program_id: number | null;
  a_assigned_by_id: number | null;
  a_created_at: Date;
  a_updated_at: Date;
}

export function assignmentFromRow(row: AssignmentRow): AssignmentEntity {
  return Object.assign(new AssignmentEntity(), {
    id: row.a_id,
    employeeId: row.a_employee_id,
    courseId: row.a_course_id,
    courseVersionId: row.a_course_version_id,
    dueAt: row.a_due_at,
    status: row.a_status,
    reason: row.a_reason,
    openKey: row.a_open_key,
    completedAt: row.a_completed_at,
    cancelledAt: row.a_cancelled_at,
    programId: row.a_program_id,
    assignedById: row.a_assigned_by_id,
    createdAt: row.a_created_at,
    updatedAt: row.a_updated_at,
  });
}
