import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentStatus } from '@lp/assignments';

export interface AssignmentProgress {
  /** 0-100. The quiz counts as one more step than the lessons, so "all lessons read" is not 100 %. */
  percent: number;
  completedLessonIds: number[];
}

/** Progress of many assignments in two queries, for lists (never a query per assignment). */
@Injectable()
export class LearnerProgress {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofAssignments(assignmentIds: readonly number[]): Promise<Map<number, AssignmentProgress>> {
    if (assignmentIds.length === 0) return new Map();
    const assignments = (await this.dataSource.query(
      `SELECT a.id, a.status,
              (SELECT COUNT(*) FROM lessons l
                WHERE l.course_version_id = COALESCE(a.course_version_id, c.current_version_id)) AS lesson_count
         FROM assignments a JOIN courses c ON c.id = a.course_id
        WHERE a.id IN (?)`,
      [assignmentIds],
    )) as { id: number; status: string; lesson_count: string | number }[];
    const done = (await this.dataSource.query(
      'SELECT assignment_id, lesson_id FROM lesson_progress WHERE assignment_id IN (?) ORDER BY lesson_id',
      [assignmentIds],
    )) as { assignment_id: number; lesson_id: number }[];
    const lessonsDone = new Map<number, number[]>();
    for (const { assignment_id: id, lesson_id: lessonId } of done) {
      lessonsDone.set(id, [...(lessonsDone.get(id) ?? []), lessonId]);
    }
    return new Map(
      assignments.map((row) => {
        const completedLessonIds = lessonsDone.get(row.id) ?? [];
        const percent =
          row.status === AssignmentStatus.COMPLETED
            ? 100
            : Math.floor((100 * completedLessonIds.length) / (Number(row.lesson_count) + 1));
        return [row.id, { percent, completedLessonIds }];
      }),
    );
  }
}
