import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AssignmentReason,
  type AssignmentStatus,
  type AssignmentView,
  type StoredAssignmentStatus,
  presentedStatus,
  presentedStatusCondition,
} from '@lp/assignments';
import { Clock } from '@lp/core';
import type { CourseEntity } from '../entities';
import { progressPercent } from './learner-progress.service';

export interface LearnerAssignment {
  assignment: AssignmentView;
  course: CourseEntity;
  /** 0-100, as `LearnerProgress` counts it. */
  percent: number;
}

interface Row {
  id: number;
  employee_id: number;
  course_id: number;
  course_version_id: number | null;
  due_at: Date;
  status: StoredAssignmentStatus;
  reason: AssignmentReason;
  completed_at: Date | null;
  cancelled_at: Date | null;
  assigned_by_id: number | null;
  created_at: Date;
  code: string;
  title: string;
  summary: string;
  category: string;
  estimated_minutes: number;
  current_version_id: number | null;
  draft_version_id: number | null;
  curriculum_hash: string | null;
  course_created_at: Date;
  course_updated_at: Date;
  lesson_count: string | number;
  completed_lessons: string | number;
}

/**
 * A learner's own list, the page they open most: each assignment with its course and
 * progress in one statement, read as plain rows rather than hydrated entities.
 */
@Injectable()
export class LearnerAssignments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The employee's assignments, soonest due first; OVERDUE selects open ones past their due date. */
  async ofEmployee(employeeId: number, status?: AssignmentStatus): Promise<LearnerAssignment[]> {
    const now = this.clock.now();
    const [condition, conditionParameters] =
      status === undefined ? ['1 = 1', {}] : presentedStatusCondition(status, now);
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT a.id, a.employee_id, a.course_id, a.course_version_id, a.due_at, a.status, a.reason,
              a.completed_at, a.cancelled_at, a.assigned_by_id, a.created_at,
              c.code, c.title, c.summary, c.category, c.estimated_minutes, c.current_version_id,
              c.draft_version_id, c.curriculum_hash, c.created_at AS course_created_at,
              c.updated_at AS course_updated_at,
              (SELECT COUNT(*) FROM lessons l
                WHERE l.course_version_id = COALESCE(a.course_version_id, c.current_version_id)) AS lesson_count,
              (SELECT COUNT(*) FROM lesson_progress p WHERE p.assignment_id = a.id) AS completed_lessons
         FROM assignments a
         JOIN courses c ON c.id = a.course_id
        WHERE a.employee_id = :employeeId AND ${condition}
        ORDER BY a.due_at, a.id`,
      { employeeId, ...conditionParameters },
    );
    const rows = (await this.dataSource.query(sql, parameters)) as Row[];
    return rows.map((row) => ({
      assignment: {
        id: row.id,
        employeeId: row.employee_id,
        courseId: row.course_id,
        courseVersionId: row.course_version_id,
        dueAt: row.due_at,
        status: presentedStatus({ status: row.status, dueAt: row.due_at }, now),
        reason: row.reason,
        completedAt: row.completed_at,
        cancelledAt: row.cancelled_at,
        assignedById: row.assigned_by_id,
        createdAt: row.created_at,
      },
      course: {
        id: row.course_id,
        code: row.code,
        title: row.title,
        summary: row.summary,
        category: row.category,
        estimatedMinutes: row.estimated_minutes,
        currentVersionId: row.current_version_id,
        draftVersionId: row.draft_version_id,
        curriculumHash: row.curriculum_hash,
        createdAt: row.course_created_at,
        updatedAt: row.course_updated_at,
      },
      percent: progressPercent(row.status, Number(row.lesson_count), Number(row.completed_lessons)),
    }));
  }
}
