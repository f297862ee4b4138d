import type { EntityManager } from 'typeorm';

/** A current, unrevoked certification cycle of an active employee. */
export interface CurrentCertificationRow {
  id: number;
  employeeId: number;
  holderName: string;
  expiresAt: Date;
}

interface RawRow {
  id: number;
  employee_id: number;
  first_name: string;
  last_name: string;
  expires_at: Date;
}

/**
 * Yields a programme's current certifications expiring in (from, to], a batch at a time,
 * through the (program_id, expires_at) index with keyset pagination on (expires_at, id).
 */
export async function* currentCertificationsExpiringBetween(
  manager: EntityManager,
  programId: number,
  from: Date,
  to: Date,
  batchSize: number,
): AsyncGenerator<CurrentCertificationRow[]> {
  let after: { expiresAt: Date; id: number } | null = null;
  for (;;) {
    const rows = (await manager.query(
      `SELECT c.id, c.employee_id, e.first_name, e.last_name, c.expires_at
         FROM certifications c
         JOIN employees e ON e.id = c.employee_id AND e.active = 1
        WHERE c.program_id = ? AND c.expires_at > ? AND c.expires_at <= ?
          AND c.current_key IS NOT NULL AND c.revoked_at IS NULL
          AND (? IS NULL OR c.expires_at > ? OR (c.expires_at = ? AND c.id > ?))
        ORDER BY c.expires_at, c.id
        LIMIT ?`,
      [
        programId,
        from,
        to,
        after?.expiresAt ?? null,
        after?.expiresAt ?? null,
        after?.expiresAt ?? null,
        after?.id ?? 0,
        batchSize,
      ],
    )) as RawRow[];
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      id: Number(row.id),
      employeeId: Number(row.employee_id),
      holderName: `${row.first_name} ${row.last_name}`,
      expiresAt: row.expires_at,
    }));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = { expiresAt: last.expires_at, id: Number(last.id) };
  }
}
