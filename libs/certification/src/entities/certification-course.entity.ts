import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CertificationEntity } from './certification.entity';

/** The course versions a cycle was earned on, so an auditor sees what someone was certified on. */
@Entity('certification_courses')
export class CertificationCourseEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  certificationId!: number;

  @ForeignKey('courses', { onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'int', unsigned: true })
  courseId!: number;

  @ManyToOne(() => CertificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certification_id' })
  certification?: CertificationEntity;

  @ForeignKey('course_versions', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true, nullable: true })
  courseVersionId!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  completedAt!: Date;

  /** The completion that counted, so a quiz result can name the certificate it earned. */
  @Index()
  @ForeignKey('assignments', { onDelete: 'SET NULL' })
  @Column({ type: 'int', unsigned: true, nullable: true })
  assignmentId!: number | null;
}
