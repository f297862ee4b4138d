import type { EntityManager } from 'typeorm';
import { CertificationEntity } from '../entities';

/** The holder's current cycle of a programme, locked for the rest of the transaction; null when there is none. */
export async function lockCurrentCycle(
  manager: EntityManager,
  employeeId: number,
  programId: number,
): Promise<CertificationEntity | null> {
  return manager
    .createQueryBuilder(CertificationEntity, 'c')
    .setLock('pessimistic_write')
    .where('c.employee_id = :employeeId AND c.current_key = :programId', { employeeId, programId })
    .getOne();
}
