import type { EntityManager } from 'typeorm';
import type { AssignmentEntity } from '@lp/assignments';
import { ConflictError } from '@lp/core';
import { CourseEntity, CourseVersionEntity } from '../entities';

/**
 * The version an assignment is taken on: the one fixed when the learner started, otherwise
 * the course's current version (which will be fixed by their first step).
 */
export async function versionTaken(manager: EntityManager, assignment: AssignmentEntity): Promise<CourseVersionEntity> {
  return manager.findOneByOrFail(CourseVersionEntity, { id: await versionIdTaken(manager, assignment) });
}

/** The id of the version `versionTaken` returns, read only when the assignment has not fixed one yet. */
export async function versionIdTaken(manager: EntityManager, assignment: AssignmentEntity): Promise<number> {
  if (assignment.courseVersionId !== null) return assignment.courseVersionId;
  const course = await manager.findOneByOrFail(CourseEntity, { id: assignment.courseId });
  if (course.currentVersionId === null) throw new ConflictError(`${course.code} has not been published yet`);
  return course.currentVersionId;
}
