import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BadInputError, NotFoundError } from '@lp/core';
import { CourseEntity, CourseVersionEntity, CourseVersionStatus, LessonEntity, QuestionEntity } from '../entities';
import { VersionContent } from './version-content';

/** A course locked for editing, with its draft. */
export interface EditableCourse {
  course: CourseEntity;
  draft: CourseVersionEntity;
}

type Positioned = typeof LessonEntity | typeof QuestionEntity;

/**
 * Where every authoring change starts. A published version never changes: edits go to the
 * course's one draft, which is created as a copy of the current version when there is none.
 * The course row is locked first, so concurrent edits take turns and never open two drafts.
 */
@Injectable()
export class CourseDrafts {
  constructor(private readonly content: VersionContent) {}

  async lockCourse(manager: EntityManager, courseId: number): Promise<CourseEntity> {
    const course = await manager
      .createQueryBuilder(CourseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :courseId', { courseId })
      .getOne();
    if (!course) throw new NotFoundError('Course', courseId);
    return course;
  }

  /** Locks the course and returns its draft, opening one from the current version when needed. */
  async edit(manager: EntityManager, courseId: number): Promise<EditableCourse> {
    const course = await this.lockCourse(manager, courseId);
    return { course, draft: await this.draftOf(manager, course) };
  }

  async draftOf(manager: EntityManager, course: CourseEntity): Promise<CourseVersionEntity> {
    if (course.draftVersionId !== null) {
      return manager.findOneByOrFail(CourseVersionEntity, { id: course.draftVersionId });
    }
    const { last } = (await manager
      .createQueryBuilder(CourseVersionEntity, 'v')
      .select('MAX(v.number)', 'last')
      .where('v.course_id = :courseId', { courseId: course.id })
      .getRawOne()) as { last: number | null };
    const draft = await manager.save(
      manager.create(CourseVersionEntity, {
        courseId: course.id,
        number: (last ?? 0) + 1,
        status: CourseVersionStatus.DRAFT,
        publishedAt: null,
        publishedById: null,
      }),
    );
    if (course.currentVersionId !== null) await this.content.copy(manager, course.currentVersionId, draft.id);
    course.draftVersionId = draft.id;
    await manager.update(CourseEntity, { id: course.id }, { draftVersionId: draft.id });
    return manager.findOneByOrFail(CourseVersionEntity, { id: draft.id });
  }

  /**
   * Resolves a lesson or question id to the row to edit: one of the draft's, or, when the id
   * is from the current published version and no draft exists yet, its copy in a new draft.
   * Rows of older versions, or of the current one while a draft exists, are refused.
   */
  async editableRow<T extends LessonEntity | QuestionEntity>(
    manager: EntityManager,
    entity: Positioned,
    id: number,
    field: string,
  ): Promise<EditableCourse & { row: T }> {
    const kind = entity === LessonEntity ? 'Lesson' : 'Question';
    const unlocked = (await manager.findOneBy(entity, { id })) as T | null;
    if (!unlocked) throw new NotFoundError(kind, id);
    const version = await manager.findOneByOrFail(CourseVersionEntity, { id: unlocked.courseVersionId });
    const course = await this.lockCourse(manager, version.courseId);
    // The reads above fixed this transaction's snapshot before the course was locked: an edit
    // that held the lock meanwhile (a removal, the positions it shifted) is seen by locking reads only.
    const found = await this.lockedRow<T>(manager, entity, { id });
    if (!found) throw new NotFoundError(kind, id);
    const isDraft = course.draftVersionId === version.id;
    const isCurrentWithoutDraft = course.currentVersionId === version.id && course.draftVersionId === null;
    if (!isDraft && !isCurrentWithoutDraft) {
      throw new BadInputError(
        `${field}: ${kind.toLowerCase()} ${id} belongs to version ${version.number} of ${course.code}, which is ` +
          `published and cannot change; edit the draft's copy (course.draftVersion) instead`,
        field,
      );
    }
    const draft = await this.draftOf(manager, course);
    const row = await this.lockedRow<T>(manager, entity, { courseVersionId: draft.id, position: found.position });
    if (!row) throw new NotFoundError(kind, id);
    return { course, draft, row };
  }

  private async lockedRow<T extends LessonEntity | QuestionEntity>(
    manager: EntityManager,
    entity: Positioned,
    where: { id: number } | { courseVersionId: number; position: number },
  ): Promise<T | null> {
    return (await manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } })) as T | null;
  }

  /** Closes the gap a removed row leaves, in position order so the unique key holds at every step. */
  async closeGap(
    manager: EntityManager,
    entity: Positioned,
    versionId: number,
    removedPosition: number,
  ): Promise<void> {
    const table = entity === LessonEntity ? 'lessons' : 'questions';
    await manager.query(
      `UPDATE ${table} SET position = position - 1 WHERE course_version_id = ? AND position > ? ORDER BY position ASC`,
      [versionId, removedPosition],
    );
  }

  async nextPosition(manager: EntityManager, entity: Positioned, versionId: number): Promise<number> {
    const { last } = (await manager
      .createQueryBuilder(entity, 'x')
      .select('MAX(x.position)', 'last')
      .where('x.course_version_id = :versionId', { versionId })
      .getRawOne()) as { last: number | null };
    return (last ?? 0) + 1;
  }
}
