import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per account, kept in the database so the limit holds across API
 * processes and survives a Redis flush.
 */
@Entity('login_failures')
export class LoginFailureEntity {
  /** Lower-cased email as typed, so unknown addresses are throttled like known ones. */
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  failures!: number;

  @Column({ type: 'datetime', precision: 3 })
  windowStartedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;
}
