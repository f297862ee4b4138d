import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

export enum EmployeeChangeKind {
  STORE = 'STORE',
  JOB_ROLE = 'JOB_ROLE',
  ROLE = 'ROLE',
  ACTIVE = 'ACTIVE',
}

/** History of transfers, job-role and access-role changes: who, when, from, to. */
@Entity('employee_changes')
@Index('idx_employee_changes_employee', ['employeeId', 'changedAt'])
export class EmployeeChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'int', unsigned: true })
  employeeId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: EmployeeEntity;

  @Column({ type: 'enum', enum: Object.values(EmployeeChangeKind) })
  kind!: EmployeeChangeKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  fromValue!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  toValue!: string | null;

  /** Null when the system made the change (an import run by the CLI, a migration). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  changedById!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  changedAt!: Date;
}
