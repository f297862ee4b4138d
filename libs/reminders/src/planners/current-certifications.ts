import type { EntityManager } from 'typeorm';
import { afterPosition, keysetBatches } from '@lp/core';
import type { RecipientStore } from '@lp/notifications';

/** A current, unrevoked certification cycle of an active employee. */
export interface CurrentCertificationRow {
  id: number;
  employeeId: number;
  holderName: string;
  /** Where the holder works: their reminders keep its office hours. */
  holderStore: RecipientStore;
  expiresAt: Date;
}

interface RawRow {
  id: number;
  employee_id: number;
  first_name: string;
  last_name: string;
  store_id: number;
  timezone: string;
  expires_at: Date;
}

/**
 * Yields a programme's current certifications expiring in (from, to], a batch at a time,
 * through the (program_id, expires_at) index.
 */
export function currentCertificationsExpiringBetween(
  manager: EntityManager,
  programId: number,
  from: Date,
  to: Date,
  batchSize: number,
): AsyncGenerator<CurrentCertificationRow[]> {
  return keysetBatches(
    batchSize,
    async (position) => {
      const after = afterPosition('c.expires_at', 'c.id', position);
      const rows = (await manager.query(
        `SELECT c.id, c.employee_id, e.first_name, e.last_name, e.store_id, s.timezone, c.expires_at
           FROM certifications c
           JOIN employees e ON e.id = c.employee_id AND e.active = 1
           JOIN stores s ON s.id = e.store_id
          WHERE c.program_id = ? AND c.expires_at > ? AND c.expires_at <= ?
            AND c.current_key IS NOT NULL AND c.revoked_at IS NULL
            AND ${after.sql}
          ORDER BY c.expires_at, c.id
          LIMIT ?`,
        [programId, from, to, ...after.params, batchSize],
      )) as RawRow[];
      return rows.map((row) => ({
        id: Number(row.id),
        employeeId: Number(row.employee_id),
        holderName: `${row.first_name} ${row.last_name}`,
        holderStore: { storeId: Number(row.store_id), timezone: row.timezone },
        expiresAt: row.expires_at,
      }));
    },
    (certification) => certification.expiresAt,
  );
}
