import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EmployeeEntity } from '@lp/organisation';
import { CertificationProgramEntity } from './certification-program.entity';

export enum CertificationSource {
  COMPLETION = 'COMPLETION',
  MANUAL_GRANT = 'MANUAL_GRANT',
  IMPORT = 'IMPORT',
}

/**
 * One cycle of a certification. A renewal adds a new row linked to the previous one, so
 * every cycle stays readable for auditors; `currentKey` (the programme id while this is
 * the holder's latest cycle, NULL once superseded) makes "one current certification per
 * person and programme" a unique key. Status is derived from the dates (see rules/).
 */
@Entity('certifications')
@Index('uq_certifications_current', ['employeeId', 'currentKey'], { unique: true })
@Index('idx_certifications_expiry', ['currentKey', 'expiresAt'])
@Index('idx_certifications_program_expiry', ['programId', 'expiresAt'])
export class CertificationEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  employeeId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: EmployeeEntity;

  @Column({ type: 'int', unsigned: true })
  programId!: number;

  @ManyToOne(() => CertificationProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: CertificationProgramEntity;

  @Column({ type: 'varchar', length: 32, unique: true })
  certificateNumber!: string;

  @Column({ type: 'char', length: 26, unique: true })
  verificationCode!: string;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'enum', enum: Object.values(CertificationSource) })
  source!: CertificationSource;

  @Column({ type: 'int', unsigned: true, nullable: true })
  previousCertificationId!: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  currentKey!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  revokedById!: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  grantedById!: number | null;
}
