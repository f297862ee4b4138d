import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssignmentEntity } from '@lp/assignments/entities';
import { CourseVersionEntity } from './course-version.entity';
import { LessonEntity } from './lesson.entity';

/** A lesson the learner finished within an assignment; the primary key makes completing it idempotent. */
@Entity('lesson_progress')
export class LessonProgressEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  assignmentId!: number;

  @Index()
  @PrimaryColumn({ type: 'int', unsigned: true })
  lessonId!: number;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @ManyToOne(() => LessonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: LessonEntity;

  /** The version taken, the same as the lesson's; kept so audits need no join. */
  @Column({ type: 'int', unsigned: true })
  courseVersionId!: number;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  @Column({ type: 'datetime', precision: 3 })
  completedAt!: Date;
}
