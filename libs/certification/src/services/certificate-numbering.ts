import type { EntityManager } from 'typeorm';
import { formatCertificateNumber } from '../rules/certificate-codes';

/**
 * Hands out the next certificate number of a programme and year inside the caller's
 * transaction. LAST_INSERT_ID(expr) makes the increment and the read one atomic step per
 * connection, so concurrent issuances never share a number, and the server returns its
 * value with the statement's result (the insert id), so no second statement is needed.
 * The sequence row stays locked until the caller's transaction ends. The first number of a
 * programme's year creates the row; should that transaction roll back while others wait for
 * the row, InnoDB fails one of the waiters as a deadlock (rare: the year's first issuance of
 * a programme failing after taking its number).
 */
export async function nextCertificateNumber(
  manager: EntityManager,
  program: { id: number; code: string },
  issuedAt: Date,
): Promise<string> {
  const year = issuedAt.getUTCFullYear();
  const { insertId } = (await manager.query(
    `INSERT INTO certificate_sequences (program_id, year, last_number) VALUES (?, ?, LAST_INSERT_ID(1))
     ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)`,
    [program.id, year],
  )) as { insertId: number };
  return formatCertificateNumber(program.code, year, Number(insertId));
}
