import type { EntityManager } from 'typeorm';
import { formatCertificateNumber } from '../rules/certificate-codes';

/**
 * Hands out the next certificate number of a programme and year inside the caller's
 * transaction. LAST_INSERT_ID(expr) makes the increment and the read one atomic step per
 * connection, so concurrent issuances never share a number.
 */
export async function nextCertificateNumber(
  manager: EntityManager,
  program: { id: number; code: string },
  issuedAt: Date,
): Promise<string> {
  const year = issuedAt.getUTCFullYear();
  await manager.query(
    `INSERT INTO certificate_sequences (program_id, year, last_number) VALUES (?, ?, LAST_INSERT_ID(1))
     ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)`,
    [program.id, year],
  );
  const [{ n }] = (await manager.query('SELECT LAST_INSERT_ID() AS n')) as { n: number | string }[];
  return formatCertificateNumber(program.code, year, Number(n));
}
