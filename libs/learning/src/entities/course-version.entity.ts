import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn } from '@lp/core';
import { CourseVersionStatus } from './course-version-status';
import { CourseEntity } from './course.entity';
import { QuizSettings } from './quiz-settings';

/**
 * One edition of a course's lessons, question bank and quiz settings. Progress and attempts
 * point at the version the learner took, so an auditor can always see what they learned.
 */
@Entity('course_versions')
@Unique('uq_course_versions_number', ['courseId', 'number'])
export class CourseVersionEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  courseId!: number;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** 1, 2, … per course. */
  @Column({ type: 'smallint', unsigned: true })
  number!: number;

  @Column({ type: 'enum', enum: Object.values(CourseVersionStatus), default: CourseVersionStatus.DRAFT })
  status!: CourseVersionStatus;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  /** Null when the curriculum seed published it. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  publishedById!: number | null;

  @Column(() => QuizSettings, { prefix: 'quiz' })
  quiz!: QuizSettings;

  @CreatedAtColumn()
  createdAt!: Date;
}
