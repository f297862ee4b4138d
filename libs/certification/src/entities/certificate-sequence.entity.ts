import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last certificate number handed out per programme and year (LPF-2026-000123). */
@Entity('certificate_sequences')
export class CertificateSequenceEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  programId!: number;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  year!: number;

  @Column({ type: 'int', unsigned: true })
  lastNumber!: number;
}
