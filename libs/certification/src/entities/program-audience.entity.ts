import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JobRoleEntity, RegionEntity, StoreEntity } from '@lp/organisation';
import { CertificationProgramEntity } from './certification-program.entity';

/**
 * One audience rule: people of this job role must hold the programme — everywhere, or
 * only in one store or one region.
 */
@Entity('program_audiences')
@Index('idx_program_audiences_job_role', ['jobRoleId', 'programId'])
export class ProgramAudienceEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  programId!: number;

  @ManyToOne(() => CertificationProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: CertificationProgramEntity;

  @Column({ type: 'int', unsigned: true })
  jobRoleId!: number;

  @ManyToOne(() => JobRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'job_role_id' })
  jobRole?: JobRoleEntity;

  @Column({ type: 'int', unsigned: true, nullable: true })
  storeId!: number | null;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: StoreEntity;

  @Column({ type: 'int', unsigned: true, nullable: true })
  regionId!: number | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;
}
