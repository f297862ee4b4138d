import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { RegionEntity } from './region.entity';

/** The region a regional manager is responsible for. */
@Entity('region_managers')
export class RegionManagerEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  employeeId!: number;

  @Index()
  @PrimaryColumn({ type: 'int', unsigned: true })
  regionId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: EmployeeEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;
}
