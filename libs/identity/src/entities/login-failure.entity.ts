import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per account, kept in the database so the limit holds across API
 * processes and survives a Redis flush.
 */
@Entity('login_failures')
export class LoginFailureEntity {
  /**
   * The email as typed and normalised (normaliseEmail), so unknown addresses are throttled
   * like known ones; compared byte for byte, as employees' emails are.
   */
  @PrimaryColumn({ type: 'varchar', length: 254, collation: 'utf8mb4_bin' })
  email!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  failures!: number;

  @Column({ type: 'datetime', precision: 3 })
  windowStartedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;
}
