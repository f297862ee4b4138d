import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@lp/core';
import { EmployeeEntity } from '@lp/organisation/entities';
import {
  AssignmentReason,
  AssignmentStatus,
  STORED_ASSIGNMENT_STATUSES,
  type StoredAssignmentStatus,
} from '../assignment-status';

/**
 * One employee must complete one course by a due date.
 *
 * The learning domain depends on this one (it completes assignments), so the keys to its
 * tables are declared by table name rather than by importing its entities.
 */
@Entity('assignments')
@Unique('uq_assignments_open_course', ['employeeId', 'openKey'])
/** Covers the per-store completion and overdue counts of reports without reading rows. */
@Index('idx_assignments_employee_status_due', ['employeeId', 'status', 'dueAt'])
// The reminder planners read open work by due date in ranges (due soon, overdue by N days).
@Index('idx_assignments_status_due', ['status', 'dueAt'])
// A course's assignments, and whether someone already has one of a course (the refresher
// planner asks for thousands of holders every run): one or two rows instead of all theirs.
@Index('idx_assignments_course_employee', ['courseId', 'employeeId'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  employeeId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: EmployeeEntity;

  @ForeignKey('courses', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true })
  courseId!: number;

  /**
   * The course version the learner is taking, fixed by their first lesson so that a newer
   * version published mid-course does not move them; null until they start.
   */
  @Index()
  @ForeignKey('course_versions', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true, nullable: true })
  courseVersionId!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  dueAt!: Date;

  @Column({ type: 'enum', enum: STORED_ASSIGNMENT_STATUSES, default: AssignmentStatus.ASSIGNED })
  status!: StoredAssignmentStatus;

  @Column({ type: 'enum', enum: Object.values(AssignmentReason) })
  reason!: AssignmentReason;

  /**
   * The course id while the assignment is open, NULL once completed or cancelled. With the
   * unique key on (employee_id, open_key) the database itself refuses a second open
   * assignment of the same course, while any number of closed ones may exist. A CHECK
   * constraint (migration AddAssignmentOpenKeyCheck) rejects any row whose open_key
   * disagrees with its status; writers set it with `openKeyFor`.
   */
  @Column({ type: 'int', unsigned: true, nullable: true })
  openKey!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  cancelledAt!: Date | null;

  /**
   * The certification programme whose audience rule or refresher made this assignment;
   * leaving the audience cancels the open ones of that programme.
   */
  @ForeignKey('certification_programs', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true, nullable: true })
  programId!: number | null;

  /** Null when the system assigned it (onboarding and audience rules, refreshers, seeds). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  assignedById!: number | null;

  /**
   * Who cancelled it; null while open or completed, and when the system did (the holder left
   * the programme's audience or the company, a certificate answered it). The refresher
   * planner stands by a person's cancellation and not by the system's.
   */
  @Column({ type: 'int', unsigned: true, nullable: true })
  cancelledById!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
