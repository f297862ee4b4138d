import type { EntityManager } from 'typeorm';
import type { RawRow } from '@lp/core';
import type { CertificationEntity } from '../entities';
import { certificationRows } from './certification-rows';

/**
 * The holder's current cycle of a programme, locked for the rest of the transaction; null
 * when there is none. Hand-written: every completion reads it (bench/README.md, eighth pass).
 */
export async function lockCurrentCycle(
  manager: EntityManager,
  employeeId: number,
  programId: number,
): Promise<CertificationEntity | null> {
  const dataSource = manager.connection;
  const [row] = (await manager.query(
    `SELECT ${certificationRows.columns(dataSource, 'c')} FROM certifications c
      WHERE c.employee_id = ? AND c.current_key = ? FOR UPDATE`,
    [employeeId, programId],
  )) as RawRow[];
  return row ? certificationRows.from(dataSource, row) : null;
}
