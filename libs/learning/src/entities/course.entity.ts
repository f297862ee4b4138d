import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@lp/core';
import { CONTENT_LIMITS } from '../content-limits';

/**
 * A training module. Its catalogue details (title, summary, category, length) are edited in
 * place; what is taught and tested lives in its versions.
 */
@Entity('courses')
export class CourseEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  /** Stable key, e.g. LP-BASICS; the curriculum files and programmes refer to courses by it. */
  @Column({ type: 'varchar', length: CONTENT_LIMITS.codeLength, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: CONTENT_LIMITS.titleLength })
  title!: string;

  @Column({ type: 'varchar', length: CONTENT_LIMITS.summaryLength })
  summary!: string;

  @Index()
  @Column({ type: 'varchar', length: CONTENT_LIMITS.categoryLength })
  category!: string;

  @Column({ type: 'smallint', unsigned: true })
  estimatedMinutes!: number;

  /** The published version learners take; null until the first publication. */
  @ForeignKey('course_versions', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true, nullable: true })
  currentVersionId!: number | null;

  /** The one version being edited, if any; a single column makes "one draft per course" structural. */
  @ForeignKey('course_versions', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true, nullable: true, unique: true })
  draftVersionId!: number | null;

  /**
   * Fingerprint of the curriculum file last loaded into this course (null for courses
   * authored through the API), so re-seeding publishes only when the file itself changed
   * and never undoes an admin's later edits to an unchanged file.
   */
  @Column({ type: 'char', length: 64, nullable: true })
  curriculumHash!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
