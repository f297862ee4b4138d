import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { StoreEntity } from './store.entity';

/** A store manager may run several stores; these rows are their scope. */
@Entity('store_managers')
export class StoreManagerEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  employeeId!: number;

  @Index()
  @PrimaryColumn({ type: 'int', unsigned: true })
  storeId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: EmployeeEntity;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id' })
  store?: StoreEntity;
}
