import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@lp/core';
import { RegionEntity } from './region.entity';

@Entity('stores')
export class StoreEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index()
  @Column({ type: 'int', unsigned: true })
  regionId!: number;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;

  /** IANA zone, e.g. Europe/London; reminders go out at local office hours. */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  /**
   * The day it was closed, in its zone (YYYY-MM-DD); null while it is open. A closed store
   * keeps its history but takes nobody in and is left out of today's rollups.
   */
  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
