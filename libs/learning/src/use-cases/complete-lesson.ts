import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentService, AssignmentStatus, type AssignmentView } from '@lp/assignments';
import { BadInputError, Clock, NotFoundError, retriedTransaction } from '@lp/core';
import { LessonEntity, LessonProgressEntity } from '../entities';
import { versionTaken } from '../services/version-taken';

/**
 * Records that the learner finished a lesson of their own assignment. Idempotent: finishing
 * it again changes nothing. The first lesson fixes the course version they take and moves
 * the assignment to IN_PROGRESS. Re-reading a lesson after completing the course records
 * nothing; on a cancelled assignment it is refused.
 */
@Injectable()
export class CompleteLesson {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly clock: Clock,
  ) {}

  async complete(employeeId: number, assignmentId: number, lessonId: number): Promise<AssignmentView> {
    return retriedTransaction(this.dataSource, async (manager) => {
      const assignment = await this.assignments.lockOwn(manager, employeeId, assignmentId);
      this.assignments.assertNotCancelled(assignment);
      const version = await versionTaken(manager, assignment);
      const lesson = await manager.findOneBy(LessonEntity, { id: lessonId });
      if (!lesson) throw new NotFoundError('Lesson', lessonId);
      if (lesson.courseVersionId !== version.id) {
        throw new BadInputError(
          `lessonId: lesson ${lessonId} is not a lesson of version ${version.number} of this course, the one you are taking`,
          'lessonId',
        );
      }
      if (assignment.status === AssignmentStatus.COMPLETED) return this.assignments.view(assignment);

      const done = await manager.existsBy(LessonProgressEntity, { assignmentId, lessonId });
      if (!done) {
        await manager.insert(LessonProgressEntity, {
          assignmentId,
          lessonId,
          courseVersionId: version.id,
          completedAt: this.clock.now(),
        });
      }
      await this.assignments.start(manager, assignment, version.id);
      return this.assignments.view(assignment);
    });
  }
}
