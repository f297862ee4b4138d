import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('job_roles')
export class JobRoleEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  /** Stable key used by programmes' audiences and CSV imports, e.g. LP_OFFICER. */
  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;
}
