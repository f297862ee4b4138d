import type { EntityManager } from 'typeorm';
import type { AssignmentEntity } from '@lp/assignments';
import { ConflictError } from '@lp/core';
import { CourseEntity, CourseVersionEntity } from '../entities';

/**
 * The version an assignment is taken on: the one fixed when the learner started, otherwise
 * the course's current version (which will be fixed by their first step).
 */
export async function versionTaken(manager: EntityManager, assignment: AssignmentEntity): Promise<CourseVersionEntity> {
  let versionId = assignment.courseVersionId;
  if (versionId === null) {
    const course = await manager.findOneByOrFail(CourseEntity, { id: assignment.courseId });
    versionId = course.currentVersionId;
    if (versionId === null) throw new ConflictError(`${course.code} has not been published yet`);
  }
  return manager.findOneByOrFail(CourseVersionEntity, { id: versionId });
}
