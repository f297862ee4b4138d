import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentStatus } from '@lp/assignments';

export interface AssignmentProgress {
  /** 0-100. The quiz counts as one more step than the lessons, so "all lessons read" is not 100 %. */
  percent: number;
  completedLessonIds: number[];
}

/** 0-100: the quiz is one more step than the lessons, and only completion is 100. */
export function progressPercent(status: string, lessonCount: number, completedLessons: number): number {
  return status === AssignmentStatus.COMPLETED ? 100 : Math.floor((100 * completedLessons) / (lessonCount + 1));
}

/** Progress of many assignments in one query, for lists (never a query per assignment). */
@Injectable()
export class LearnerProgress {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofAssignments(assignmentIds: readonly number[]): Promise<Map<number, AssignmentProgress>> {
    if (assignmentIds.length === 0) return new Map();
    // One row per completed lesson (or one with a NULL lesson_id when none is done yet).
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.status, p.lesson_id,
              (SELECT COUNT(*) FROM lessons l
                WHERE l.course_version_id = COALESCE(a.course_version_id, c.current_version_id)) AS lesson_count
         FROM assignments a
         JOIN courses c ON c.id = a.course_id
         LEFT JOIN lesson_progress p ON p.assignment_id = a.id
        WHERE a.id IN (?)
        ORDER BY a.id, p.lesson_id`,
      [assignmentIds],
    )) as { id: number; status: string; lesson_id: number | null; lesson_count: string | number }[];
    const assignments = new Map<number, { status: string; lessonCount: number; completedLessonIds: number[] }>();
    for (const row of rows) {
      let assignment = assignments.get(row.id);
      if (!assignment) {
        assignment = { status: row.status, lessonCount: Number(row.lesson_count), completedLessonIds: [] };
        assignments.set(row.id, assignment);
      }
      if (row.lesson_id !== null) assignment.completedLessonIds.push(row.lesson_id);
    }
    return new Map(
      [...assignments].map(([id, { status, lessonCount, completedLessonIds }]) => [
        id,
        { percent: progressPercent(status, lessonCount, completedLessonIds.length), completedLessonIds },
      ]),
    );
  }
}
