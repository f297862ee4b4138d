import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@lp/core';
import { JobRoleEntity } from './job-role.entity';
import { Role, ROLES } from './role';
import { StoreEntity } from './store.entity';

@Entity('employees')
@Index('idx_employees_store_active_role', ['storeId', 'active', 'jobRoleId'])
@Index('idx_employees_name', ['lastName', 'firstName'])
/** HR and the admins are a handful among 100,000: the reminders' stand-ins and digests look them up. */
@Index('idx_employees_role_active', ['role', 'active'])
export class EmployeeEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  employeeNumber!: string;

  /**
   * Stored lower-cased (normaliseEmail), and compared byte for byte: the database's default
   * collation would also take "josé" for "jose" and "ß" for "ss", which the import's checks
   * and sign-in, comparing strings, do not.
   */
  @Column({ type: 'varchar', length: 254, nullable: true, unique: true, collation: 'utf8mb4_bin' })
  email!: string | null;

  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ type: 'varchar', length: 100 })
  lastName!: string;

  @Index()
  @Column({ type: 'int', unsigned: true })
  jobRoleId!: number;

  @ManyToOne(() => JobRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'job_role_id' })
  jobRole?: JobRoleEntity;

  @Column({ type: 'int', unsigned: true })
  storeId!: number;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: StoreEntity;

  @Column({ type: 'enum', enum: ROLES, default: Role.EMPLOYEE })
  role!: Role;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'date' })
  hireDate!: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  terminatedAt!: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash!: string | null;

  /**
   * Goes up when the password is set: access tokens carry the value they were issued
   * with, and one of an older value is refused, so a new password signs out every
   * session of the old one.
   */
  @Column({ type: 'int', unsigned: true, default: 0, select: false })
  tokenVersion!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
