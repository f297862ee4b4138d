import { Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CertificationProgramEntity } from './certification-program.entity';

/** A course that must be passed to earn the programme's certification. */
@Entity('program_courses')
export class ProgramCourseEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  programId!: number;

  @Index()
  @ForeignKey('courses', { onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'int', unsigned: true })
  courseId!: number;

  @ManyToOne(() => CertificationProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: CertificationProgramEntity;
}
