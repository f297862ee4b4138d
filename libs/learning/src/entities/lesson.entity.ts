import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CONTENT_LIMITS } from '../content-limits';
import { CourseVersionEntity } from './course-version.entity';

@Entity('lessons')
@Unique('uq_lessons_position', ['courseVersionId', 'position'])
export class LessonEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  courseVersionId!: number;

  /** Drafts lose lessons; published versions never do, and progress keeps them from going. */
  @ManyToOne(() => CourseVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  /** Order within the version, from 1. */
  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: CONTENT_LIMITS.titleLength })
  title!: string;

  /** Markdown. */
  @Column({ type: 'mediumtext' })
  body!: string;

  @Column({ type: 'varchar', length: CONTENT_LIMITS.mediaUrlLength, nullable: true })
  mediaUrl!: string | null;
}
