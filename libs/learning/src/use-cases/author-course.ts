import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { BadInputError, ConflictError, isDuplicateKeyError } from '@lp/core';
import { type CourseDetails, givenFields, type QuizContent } from '../course-content';
import { CourseEntity, CourseVersionEntity, CourseVersionStatus } from '../entities';
import { CourseDrafts } from '../services/course-drafts';

/** Creating courses, editing their catalogue details and quiz settings, opening drafts. */
@Injectable()
export class CourseAuthoring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: CourseDrafts,
    private readonly audit: AuditService,
  ) {}

  /** A new course with an empty draft (version 1); learners see it once it is published. */
  async create(details: CourseDetails, actorId: number | null): Promise<CourseEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const course = await manager.save(
          manager.create(CourseEntity, {
            ...details,
            currentVersionId: null,
            draftVersionId: null,
            curriculumHash: null,
          }),
        );
        const draft = await manager.save(
          manager.create(CourseVersionEntity, {
            courseId: course.id,
            number: 1,
            status: CourseVersionStatus.DRAFT,
            publishedAt: null,
            publishedById: null,
          }),
        );
        course.draftVersionId = draft.id;
        await manager.update(CourseEntity, { id: course.id }, { draftVersionId: draft.id });
        await this.audit.record(manager, {
          actorId,
          action: 'COURSE_CREATED',
          subjectType: 'Course',
          subjectId: course.id,
          after: { ...details },
        });
        return course;
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A course with code ${details.code} already exists`);
      throw error;
    }
  }

  /** Catalogue details change in place (they are not part of what a learner is tested on). */
  async updateDetails(
    courseId: number,
    requested: Partial<Omit<CourseDetails, 'code'>>,
    actorId: number | null,
  ): Promise<CourseEntity> {
    const changes = givenFields(requested);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.drafts.lockCourse(manager, courseId);
      const before = {
        title: course.title,
        summary: course.summary,
        category: course.category,
        estimatedMinutes: course.estimatedMinutes,
      };
      if (Object.keys(changes).length === 0) return course;
      Object.assign(course, changes);
      await manager.update(CourseEntity, { id: courseId }, changes);
      await this.audit.record(manager, {
        actorId,
        action: 'COURSE_UPDATED',
        subjectType: 'Course',
        subjectId: courseId,
        before,
        after: { ...changes },
      });
      return course;
    });
  }

  /** Changes the draft's quiz settings; a published quiz keeps the settings it was taken with. */
  async configureQuiz(courseId: number, changes: Partial<QuizContent>): Promise<CourseVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { draft } = await this.drafts.edit(manager, courseId);
      draft.quiz = { ...draft.quiz, ...givenFields(changes) };
      await manager.update(CourseVersionEntity, { id: draft.id }, { quiz: draft.quiz });
      return draft;
    });
  }

  /**
   * Throws the course's draft away with its lessons and questions; the published version stays
   * as learners take it, and the next edit opens a fresh draft from it. No learner ever takes a
   * draft, so nothing points at what is removed.
   */
  async discardDraft(courseId: number, actorId: number | null): Promise<CourseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.drafts.lockCourse(manager, courseId);
      if (course.draftVersionId === null) {
        throw new BadInputError(`courseId: ${course.code} has no draft to discard`, 'courseId');
      }
      const draft = await manager.findOneByOrFail(CourseVersionEntity, { id: course.draftVersionId });
      await manager.update(CourseEntity, { id: courseId }, { draftVersionId: null });
      // Lessons, questions and their options go with the version (ON DELETE CASCADE).
      await manager.delete(CourseVersionEntity, { id: draft.id });
      course.draftVersionId = null;
      await this.audit.record(manager, {
        actorId,
        action: 'COURSE_DRAFT_DISCARDED',
        subjectType: 'Course',
        subjectId: courseId,
        before: { draftVersionId: draft.id, number: draft.number },
      });
      return course;
    });
  }

  /** The course's draft, opened as a copy of the current version when there is none. */
  async openDraft(courseId: number): Promise<CourseVersionEntity> {
    return this.dataSource.transaction(async (manager) => (await this.drafts.edit(manager, courseId)).draft);
  }
}
