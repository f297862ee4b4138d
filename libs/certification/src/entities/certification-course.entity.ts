import { Column, Entity, ForeignKey, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
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
}
