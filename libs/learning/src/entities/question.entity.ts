import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CONTENT_LIMITS } from '../content-limits';
import { CourseVersionEntity } from './course-version.entity';
import { QuestionType } from './question-type';

/** One question of a version's bank; attempts draw from the bank. */
@Entity('questions')
@Unique('uq_questions_position', ['courseVersionId', 'position'])
export class QuestionEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  courseVersionId!: number;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  /** Order within the bank, from 1; the order of an unshuffled quiz. */
  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'enum', enum: Object.values(QuestionType) })
  type!: QuestionType;

  @Column({ type: 'varchar', length: CONTENT_LIMITS.promptLength })
  prompt!: string;

  /** Shown to the learner only after they submit. */
  @Column({ type: 'varchar', length: CONTENT_LIMITS.explanationLength })
  explanation!: string;
}
