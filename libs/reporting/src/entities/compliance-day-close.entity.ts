import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A UTC day whose snapshots were written for every store. The nightly close starts from
 * the last of these, so days missed while the worker was down (or Redis lost the
 * scheduler) are filled in; rows written by event-driven recomputes do not close a day.
 */
@Entity('compliance_day_closes')
export class ComplianceDayCloseEntity {
  /** 'YYYY-MM-DD' */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'int', unsigned: true })
  stores!: number;

  @Column({ type: 'datetime', precision: 3 })
  closedAt!: Date;
}
