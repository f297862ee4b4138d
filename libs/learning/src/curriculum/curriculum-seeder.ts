import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import { retriedTransaction } from '@lp/core';
import { canonicalContent } from '../course-content';
import { CourseEntity } from '../entities';
import { CourseDrafts } from '../services/course-drafts';
import { VersionContent } from '../services/version-content';
import { PublishCourse } from '../use-cases/publish-course';
import type { CurriculumCourse } from './course-file';
import type { Curriculum } from './curriculum';

export interface SeededCourse {
  code: string;
  /**
   * created: new course; published: the file's content changed; updated: only its details did;
   * kept: the file's content changed but an admin has edited the course since, so nothing was written.
   */
  outcome: 'created' | 'published' | 'updated' | 'unchanged' | 'kept';
  versionNumber: number;
  /** An unpublished draft made through the API was replaced by the file's content. */
  replacedDraft: boolean;
  /** With `kept`: the admin's work the file would have replaced. */
  adminEdits?: AdminEdits;
}

/** An admin's work on a course since the curriculum last loaded it. */
export interface AdminEdits {
  /** The current version, when an admin (not the seed) published it. */
  publishedNumber: number | null;
  /** The draft being edited, if any. */
  draftNumber: number | null;
}

export interface SeedOptions {
  /** Apply changed files even over an admin's published versions and drafts. */
  overwriteEdits?: boolean;
}

/**
 * Loads the built-in curriculum into the database, by course code, idempotently. A course
 * whose file is unchanged since it was last loaded is left alone, even if an admin has since
 * published edits of their own; a changed file updates the details and, if what it teaches
 * differs from the current version, publishes a new version. An admin's work is never
 * replaced unasked: when an admin has published a version or has a draft open, a changed
 * file is reported as `kept` (at every run, until it is applied with `overwriteEdits`).
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

  async seed(curriculum: Curriculum, options: SeedOptions = {}): Promise<SeededCourse[]> {
    const outcomes: SeededCourse[] = [];
    for (const course of curriculum.courses) {
      // Two processes starting at once both find a new course missing and lock the same gap to
      // create it; InnoDB breaks that deadlock, and the run it rolled back finds the course made.
      outcomes.push(await retriedTransaction(this.dataSource, (manager) => this.seedCourse(manager, course, options)));
    }
    const changed = outcomes.filter((o) => o.outcome !== 'unchanged' && o.outcome !== 'kept');
    if (changed.length > 0) this.logger.log({ changed }, 'Curriculum loaded');
    const kept = outcomes.filter((o) => o.outcome === 'kept');
    if (kept.length > 0) this.logger.warn({ kept }, "Curriculum files not applied over admins' edits");
    return outcomes;
  }

  private async seedCourse(manager: EntityManager, file: CurriculumCourse, options: SeedOptions): Promise<SeededCourse> {
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
    const current = course.currentVersionId === null ? null : await this.content.read(manager, course.currentVersionId);
    const contentChanged = current === null || canonicalContent(current) !== canonicalContent(file.content);
    if (existing && contentChanged && !options.overwriteEdits) {
      const adminEdits = await this.adminEdits(manager, existing);
      if (adminEdits) {
        const versionNumber = await this.currentNumber(manager, existing);
        return { code, outcome: 'kept', versionNumber, replacedDraft: false, adminEdits };
      }
    }
    if (existing) await manager.update(CourseEntity, { id: course.id }, { ...file.details });
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

  /** What an admin has done to the course since it was loaded: null when nothing would be lost. */
  private async adminEdits(manager: EntityManager, course: CourseEntity): Promise<AdminEdits | null> {
    const [row] = (await manager.query(
      `SELECT current.number AS published_number, draft.number AS draft_number
         FROM courses c
    LEFT JOIN course_versions current ON current.id = c.current_version_id AND current.published_by_id IS NOT NULL
    LEFT JOIN course_versions draft ON draft.id = c.draft_version_id
        WHERE c.id = ?`,
      [course.id],
    )) as { published_number: number | null; draft_number: number | null }[];
    if (row.published_number === null && row.draft_number === null) return null;
    return { publishedNumber: row.published_number, draftNumber: row.draft_number };
  }

  private async currentNumber(manager: EntityManager, course: CourseEntity): Promise<number> {
    const [row] = (await manager.query('SELECT number FROM course_versions WHERE id = ?', [course.currentVersionId])) as {
      number: number;
    }[];
    return row?.number ?? 0;
  }
}
