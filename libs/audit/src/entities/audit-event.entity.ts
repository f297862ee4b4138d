import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to whom, when; written in the same transaction as the change it records. */
@Entity('audit_events')
@Index('idx_audit_events_subject', ['subjectType', 'subjectId', 'occurredAt'])
@Index('idx_audit_events_occurred', ['occurredAt'])
@Index('idx_audit_events_actor', ['actorId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'datetime', precision: 3 })
  occurredAt!: Date;

  /** Null for the system itself (the CLI, the worker). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  actorId!: number | null;

  /** Verb-noun in SCREAMING_SNAKE_CASE, e.g. EMPLOYEE_TRANSFERRED. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ type: 'varchar', length: 40 })
  subjectId!: string;

  /** The store the subject belongs to, so managers' audit views can be scoped. */
  @Index()
  @Column({ type: 'int', unsigned: true, nullable: true })
  storeId!: number | null;

  @Column({ type: 'json', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'json', nullable: true })
  after!: Record<string, unknown> | null;
}
