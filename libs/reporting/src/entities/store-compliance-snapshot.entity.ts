import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CertificationProgramEntity } from '@lp/certification/entities';
import { StoreEntity } from '@lp/organisation/entities';

/**
 * A store's compliance with one programme at the end of one UTC day (the last recompute
 * of that day wins), with the store's assignment figures of that moment. Written only by
 * SnapshotService from StoreComplianceQuery, so a trend point and the live report never
 * disagree on a definition. The unique key makes every recompute an idempotent upsert.
 */
@Entity('store_compliance_snapshots')
@Unique('uq_store_compliance_snapshots_day', ['storeId', 'programId', 'day'])
@Index('idx_store_compliance_snapshots_program_day', ['programId', 'day', 'storeId'])
export class StoreComplianceSnapshotEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'int', unsigned: true })
  storeId!: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: StoreEntity;

  @Column({ type: 'int', unsigned: true })
  programId!: number;

  @ManyToOne(() => CertificationProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: CertificationProgramEntity;

  /** The UTC calendar day, 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'int', unsigned: true })
  required!: number;

  @Column({ type: 'int', unsigned: true })
  certified!: number;

  @Column({ type: 'int', unsigned: true })
  expiringSoon!: number;

  @Column({ type: 'int', unsigned: true })
  expired!: number;

  @Column({ type: 'int', unsigned: true })
  missing!: number;

  @Column({ type: 'decimal', precision: 4, scale: 1 })
  compliancePercent!: string;

  /** Store-wide (assignments are not per programme): ASSIGNED or IN_PROGRESS. */
  @Column({ type: 'int', unsigned: true })
  openAssignments!: number;

  @Column({ type: 'int', unsigned: true })
  completedAssignments!: number;

  @Column({ type: 'int', unsigned: true })
  overdueAssignments!: number;

  /** When this row was last recomputed. */
  @Column({ type: 'datetime', precision: 3 })
  computedAt!: Date;
}
