import type { EntityManager } from 'typeorm';
import { localTime } from '@lp/organisation';
import { formatCertificateNumber } from '../rules/certificate-codes';

/**
 * Hands out the next certificate number of a programme and year inside the caller's
 * transaction. LAST_INSERT_ID(expr) makes the increment and the read one atomic step per
 * connection, so concurrent issuances never share a number, and the server returns its
 * value with the statement's result (the insert id), so no second statement is needed.
 * The sequence row stays locked until the caller's transaction ends. The year is that of the
 * issue day in `zone`, the holder's, which the certificate prints beside its number.
 *
 * The row is normally in place already (openCertificateYears). Should an issuance have to
 * create it and then roll back while others wait for the row, InnoDB fails the waiters as
 * deadlocks (a quiz submission is then run again); waiting on a row that already existed,
 * they simply get it in turn.
 */
export async function nextCertificateNumber(
  manager: EntityManager,
  program: { id: number; code: string },
  issuedAt: Date,
  zone: string,
): Promise<string> {
  const [number] = await reserveCertificateNumbers(manager, program, localTime(issuedAt.getTime(), zone).year, 1);
  return number;
}

/** `count` consecutive numbers of a programme and year in one statement, as nextCertificateNumber hands out one. */
export async function reserveCertificateNumbers(
  manager: EntityManager,
  program: { id: number; code: string },
  year: number,
  count: number,
): Promise<string[]> {
  const { insertId } = (await manager.query(
    `INSERT INTO certificate_sequences (program_id, year, last_number) VALUES (?, ?, LAST_INSERT_ID(?))
     ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + ?)`,
    [program.id, year, count, count],
  )) as { insertId: number };
  const first = Number(insertId) - count + 1;
  return Array.from({ length: count }, (_, index) => formatCertificateNumber(program.code, year, first + index));
}

/**
 * Creates the numbering rows of this UTC year and the next that are missing, for every
 * programme or for the one given, ahead of the issuances that will use them. It reads
 * first and writes only what is missing, so a run that finds everything in place locks
 * nothing; two runs racing write the same rows, and the second's are no-ops.
 */
export async function openCertificateYears(manager: EntityManager, now: Date, programId?: number): Promise<void> {
  const year = now.getUTCFullYear();
  const missing = (await manager.query(
    `SELECT p.id AS program_id, y.year
       FROM certification_programs p
 CROSS JOIN (SELECT ? AS year UNION ALL SELECT ?) y
  LEFT JOIN certificate_sequences s ON s.program_id = p.id AND s.year = y.year
      WHERE s.program_id IS NULL${programId === undefined ? '' : ' AND p.id = ?'}`,
    programId === undefined ? [year, year + 1] : [year, year + 1, programId],
  )) as { program_id: number; year: number }[];
  if (missing.length === 0) return;
  await manager.query(
    `INSERT INTO certificate_sequences (program_id, year, last_number)
     VALUES ${missing.map(() => '(?, ?, 0)').join(', ')}
     ON DUPLICATE KEY UPDATE last_number = last_number`,
    missing.flatMap((row) => [row.program_id, row.year]),
  );
}
