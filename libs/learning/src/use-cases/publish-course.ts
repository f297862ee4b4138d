import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import { BadInputError, Clock } from '@lp/core';
import { CourseEntity, CourseVersionEntity, CourseVersionStatus } from '../entities';
import { publishProblems } from '../rules/publish-rules';
import { CourseDrafts } from '../services/course-drafts';
import { VersionContent } from '../services/version-content';

/**
 * Freezes a course's draft as its new current version. From then on the version never
 * changes; learners who started an earlier version keep it until they finish.
 */
@Injectable()
export class PublishCourse {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: CourseDrafts,
    private readonly content: VersionContent,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async publish(courseId: number, actorId: number | null): Promise<CourseVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.drafts.lockCourse(manager, courseId);
      if (course.draftVersionId === null) {
        throw new BadInputError(
          `courseId: ${course.code} has no draft to publish; its current version is already published`,
          'courseId',
        );
      }
      return this.publishDraft(manager, course, actorId);
    });
  }

  /** Publishes the draft of a course already locked by the caller (the API, or the curriculum seed). */
  async publishDraft(
    manager: EntityManager,
    course: CourseEntity,
    actorId: number | null,
  ): Promise<CourseVersionEntity> {
    const draftId = course.draftVersionId!;
    const problems = publishProblems(await this.content.read(manager, draftId));
    if (problems.length > 0) {
      const reasons = problems.map((p) => `${p.path}: ${p.message}`);
      throw new BadInputError(`${course.code} cannot be published: ${reasons.join('; ')}`, 'courseId', {
        problems: reasons,
      });
    }
    const publishedAt = this.clock.now();
    await manager.update(
      CourseVersionEntity,
      { id: draftId },
      { status: CourseVersionStatus.PUBLISHED, publishedAt, publishedById: actorId },
    );
    const previousVersionId = course.currentVersionId;
    await manager.update(CourseEntity, { id: course.id }, { currentVersionId: draftId, draftVersionId: null });
    Object.assign(course, { currentVersionId: draftId, draftVersionId: null });
    const version = await manager.findOneByOrFail(CourseVersionEntity, { id: draftId });
    await this.audit.record(manager, {
      actorId,
      action: 'COURSE_PUBLISHED',
      subjectType: 'Course',
      subjectId: course.id,
      before: { currentVersionId: previousVersionId },
      after: { currentVersionId: draftId, number: version.number },
    });
    return version;
  }
}
