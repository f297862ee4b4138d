import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputError } from '@lp/core';
import { CONTENT_LIMITS } from '../content-limits';
import { givenFields, type LessonContent } from '../course-content';
import { type CourseVersionEntity, LessonEntity } from '../entities';
import { CourseDrafts } from '../services/course-drafts';

/** Adding, changing, removing and ordering the lessons of a course's draft. */
@Injectable()
export class LessonAuthoring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: CourseDrafts,
  ) {}

  async add(courseId: number, lesson: LessonContent): Promise<LessonEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { draft } = await this.drafts.edit(manager, courseId);
      const position = await this.drafts.nextPosition(manager, LessonEntity, draft.id);
      if (position > CONTENT_LIMITS.maxLessonsPerVersion) {
        throw new BadInputError(
          `courseId: a course has at most ${CONTENT_LIMITS.maxLessonsPerVersion} lessons`,
          'courseId',
        );
      }
      return manager.save(manager.create(LessonEntity, { ...lesson, courseVersionId: draft.id, position }));
    });
  }

  async update(lessonId: number, requested: Partial<LessonContent>): Promise<LessonEntity> {
    const changes = givenFields(requested);
    return this.dataSource.transaction(async (manager) => {
      const { row } = await this.drafts.editableRow<LessonEntity>(manager, LessonEntity, lessonId, 'lessonId');
      Object.assign(row, changes);
      if (Object.keys(changes).length > 0) await manager.update(LessonEntity, { id: row.id }, changes);
      return row;
    });
  }

  async remove(lessonId: number): Promise<CourseVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { draft, row } = await this.drafts.editableRow<LessonEntity>(manager, LessonEntity, lessonId, 'lessonId');
      await manager.delete(LessonEntity, { id: row.id });
      await this.drafts.closeGap(manager, LessonEntity, draft.id, row.position);
      return draft;
    });
  }

  /** `lessonIds` must name every lesson of the draft (or of the current version, opening a draft) once. */
  async reorder(courseId: number, lessonIds: number[]): Promise<CourseVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.drafts.lockCourse(manager, courseId);
      const source = course.draftVersionId ?? course.currentVersionId;
      const lessons = source === null ? [] : await manager.findBy(LessonEntity, { courseVersionId: source });
      const positionOf = new Map(lessons.map((l) => [l.id, l.position]));
      const complete =
        lessonIds.length === lessons.length &&
        new Set(lessonIds).size === lessonIds.length &&
        lessonIds.every((id) => positionOf.has(id));
      if (!complete) {
        throw new BadInputError(
          `lessonIds: list each of the ${lessons.length} lessons of the course's draft exactly once`,
          'lessonIds',
        );
      }
      const draft = await this.drafts.draftOf(manager, course);
      if (lessonIds.length === 0) return draft;
      // Positions move out of the way first, so the unique (version, position) key holds at every step.
      await manager.query('UPDATE lessons SET position = position + 10000 WHERE course_version_id = ?', [draft.id]);
      const cases = lessonIds.map(() => 'WHEN ? THEN ?').join(' ');
      await manager.query(`UPDATE lessons SET position = CASE position ${cases} END WHERE course_version_id = ?`, [
        ...lessonIds.flatMap((id, index) => [positionOf.get(id)! + 10000, index + 1]),
        draft.id,
      ]);
      return draft;
    });
  }
}
