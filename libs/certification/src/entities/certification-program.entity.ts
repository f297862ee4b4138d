import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@lp/core';
import { RenewalBasis } from '../rules/renewal-dating';

/** Which courses make someone certified, for how long, and who must be. */
@Entity('certification_programs')
/** Names compare as the table's collation does: case and accents aside. */
@Index('uq_certification_programs_name', ['name'], { unique: true })
export class CertificationProgramEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  /** Also the prefix of certificate numbers, e.g. LPF → LPF-2026-000123. */
  @Column({ type: 'varchar', length: 12, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'smallint', unsigned: true })
  validityMonths!: number;

  /** Days before expiry when the certification turns EXPIRING and a refresher is assigned. */
  @Column({ type: 'smallint', unsigned: true })
  recertifyWindowDays!: number;

  /** Passing this course renews a held certification; null: the required courses again. */
  @ForeignKey('courses', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', unsigned: true, nullable: true })
  refresherCourseId!: number | null;

  /** Days before a due date or expiry when reminders go out, e.g. [30, 14, 7, 1]. */
  @Column({ type: 'json' })
  reminderOffsetsDays!: number[];

  @Column({ type: 'enum', enum: Object.values(RenewalBasis), default: RenewalBasis.PREVIOUS_EXPIRY })
  renewalBasis!: RenewalBasis;

  /** MM-DD, for FIXED_DATE renewal. */
  @Column({ type: 'char', length: 5, nullable: true })
  fixedExpiryDate!: string | null;

  /** Days a new member of the audience has to finish the courses the rules assign. */
  @Column({ type: 'smallint', unsigned: true, default: 30 })
  onboardingDays!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
