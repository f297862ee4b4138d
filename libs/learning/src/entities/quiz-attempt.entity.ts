import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AssignmentEntity } from '@lp/assignments/entities';
import { CourseVersionEntity } from './course-version.entity';

/**
 * One try at a version's quiz. Graded once: the grade is written by an UPDATE that only
 * matches while `submitted_at` is NULL, so racing submissions cannot both count.
 */
@Entity('quiz_attempts')
@Unique('uq_quiz_attempts_number', ['assignmentId', 'number'])
/** Covers the reports' average score of recent attempts without reading rows. */
@Index('idx_quiz_attempts_assignment_submitted', ['assignmentId', 'submittedAt', 'scorePercent'])
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  assignmentId!: number;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Index()
  @Column({ type: 'int', unsigned: true })
  courseVersionId!: number;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  /** 1, 2, … within the assignment; the unique key stops two racing starts from both passing maxAttempts. */
  @Column({ type: 'tinyint', unsigned: true })
  number!: number;

  @Column({ type: 'datetime', precision: 3 })
  startedAt!: Date;

  /** Null when the quiz has no time limit. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'smallint', unsigned: true })
  questionCount!: number;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  correctCount!: number | null;

  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, transformer: decimalTransformer() })
  scorePercent!: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;
}

/** mysql2 returns DECIMAL as a string to keep precision; scores fit a double exactly enough. */
function decimalTransformer() {
  return {
    to: (value: number | null) => value,
    from: (value: string | null) => (value === null ? null : Number(value)),
  };
}
