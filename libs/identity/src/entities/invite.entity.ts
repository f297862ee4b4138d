import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EmployeeEntity } from '@lp/organisation/entities';

/** The length of `not_sent_reason`: a longer answer of the mail server is cut. */
export const INVITE_NOT_SENT_REASON_LENGTH = 1000;

/**
 * A single-use link to set a password. Only a SHA-256 of the token is stored, so a
 * database leak does not hand out accounts.
 */
@Entity('invites')
export class InviteEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Index()
  @Column({ type: 'int', unsigned: true })
  employeeId!: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: EmployeeEntity;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** Why its email was not sent (the mail server's answer in words), so nobody has the link; null once sent. */
  @Column({ type: 'varchar', length: INVITE_NOT_SENT_REASON_LENGTH, nullable: true })
  notSentReason!: string | null;
}
