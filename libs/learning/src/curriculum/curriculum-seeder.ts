import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import { canonicalContent } from '../course-content';
import { CourseEntity } from '../entities';
import { CourseDrafts } from '../services/course-drafts';
import { VersionContent } from '../services/version-content';
import { PublishCourse } from '../use-cases/publish-course';
import type { CurriculumCourse } from './course-file';
import type { Curriculum } from './curriculum';

export interface SeededCourse {
  code: string;
  /** created: new course; published: the file's content changed; updated: only its details did. */
  outcome: 'created' | 'published' | 'updated' | 'unchanged';
  versionNumber: number;
  /** An unpublished draft made through the API was replaced by the file's content. */
  replacedDraft: boolean;
}

/**
 * Loads the built-in curriculum into the database, by course code, idempotently. A course
 * whose file is unchanged since it was last loaded is left alone, even if an admin has since
 * published edits of their own; a changed file updates the details and, if what it teaches
 * differs from the current version, publishes a new version.
 */
@Injectable()
export class CurriculumSeeder {
  private readonly logger = new Logger(CurriculumSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: CourseDrafts,
    private readonly content: VersionContent,
    private readonly publisher: PublishCourse,
    private readonly audit: AuditService,
  ) {}

  async seed(curriculum: Curriculum): Promise<SeededCourse[]> {
    const outcomes: SeededCourse[] = [];
    for (const course of curriculum.courses) {
      outcomes.push(await this.dataSource.transaction((manager) => this.seedCourse(manager, course)));
    }
    const changed = outcomes.filter((o) => o.outcome !== 'unchanged');
    if (changed.length > 0) this.logger.log({ changed }, 'Curriculum loaded');
    return outcomes;
  }

  private async seedCourse(manager: EntityManager, file: CurriculumCourse): Promise<SeededCourse> {
    const { code } = file.details;
    const existing = await manager
      .createQueryBuilder(CourseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.code = :code', { code })
      .getOne();
    if (existing?.curriculumHash === file.fingerprint) {
      return { code, outcome: 'unchanged', versionNumber: await this.currentNumber(manager, existing), replacedDraft: false };
    }
    const course = existing ?? (await this.create(manager, file));
    if (existing) await manager.update(CourseEntity, { id: course.id }, { ...file.details });

    const current = course.currentVersionId === null ? null : await this.content.read(manager, course.currentVersionId);
    const contentChanged = current === null || canonicalContent(current) !== canonicalContent(file.content);
    const replacedDraft = contentChanged && existing !== null && existing.draftVersionId !== null;
    if (contentChanged) {
      const draft = await this.drafts.draftOf(manager, course);
      await this.content.replace(manager, draft.id, file.content);
      await this.publisher.publishDraft(manager, course, null);
    }
    await manager.update(CourseEntity, { id: course.id }, { curriculumHash: file.fingerprint });
    return {
      code,
      outcome: !existing ? 'created' : contentChanged ? 'published' : 'updated',
      versionNumber: await this.currentNumber(manager, course),
      replacedDraft,
    };
  }

  private async create(manager: EntityManager, file: CurriculumCourse): Promise<CourseEntity> {
    const course = await manager.save(
      manager.create(CourseEntity, { ...file.details, currentVersionId: null, draftVersionId: null, curriculumHash: null }),
    );
    await this.audit.record(manager, {
      actorId: null,
      action: 'COURSE_CREATED',
      subjectType: 'Course',
      subjectId: course.id,
      after: { ...file.details, source: file.file },
    });
    return course;
  }

  private async currentNumber(manager: EntityManager, course: CourseEntity): Promise<number> {
    const [row] = (await manager.query('SELECT number FROM course_versions WHERE id = ?', [course.currentVersionId])) as {
      number: number;
    }[];
    return row?.number ?? 0;
  }
}
