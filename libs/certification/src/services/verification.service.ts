import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@lp/core';
import { localIsoDay, resolveTimezone } from '@lp/organisation';
import { normaliseVerificationCode } from '../rules/certificate-codes';
import { CertificationStatus, certificationStatus } from '../rules/certification-status';

export interface CertificateVerification {
  valid: boolean;
  status: CertificationStatus | null;
  holderName: string | null;
  programName: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
  /** The days the certificate prints (YYYY-MM-DD): its dates in the holder's store's zone. */
  issuedOn: string | null;
  expiresOn: string | null;
}

const UNKNOWN: CertificateVerification = {
  valid: false,
  status: null,
  holderName: null,
  programName: null,
  issuedAt: null,
  expiresAt: null,
  issuedOn: null,
  expiresOn: null,
};

/**
 * The public check a police officer, auditor or employer makes: only validity, the
 * holder's name, the programme and the dates — no other personal data. A superseded
 * cycle's code still answers, with its own dates, so an old printed certificate is
 * honestly reported as expired; revoking a renewal revokes the unexpired cycles it
 * superseded too (CertificationAdminService.revoke), so their paper answers REVOKED.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async verify(typedCode: string): Promise<CertificateVerification> {
    const code = normaliseVerificationCode(typedCode);
    if (!code) return UNKNOWN;
    const [row] = (await this.dataSource.query(
      `SELECT c.issued_at, c.expires_at, c.revoked_at,
              p.name AS program_name, p.recertify_window_days, e.first_name, e.last_name, s.timezone
         FROM certifications c
         JOIN certification_programs p ON p.id = c.program_id
         JOIN employees e ON e.id = c.employee_id
         JOIN stores s ON s.id = e.store_id
        WHERE c.verification_code = ?`,
      [code],
    )) as {
      issued_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      program_name: string;
      recertify_window_days: number;
      first_name: string;
      last_name: string;
      timezone: string;
    }[];
    if (!row) return UNKNOWN;
    const status = certificationStatus(
      { expiresAt: row.expires_at, revokedAt: row.revoked_at, recertifyWindowDays: row.recertify_window_days },
      this.clock.now(),
    );
    const { timezone } = resolveTimezone(row.timezone);
    return {
      valid: status === CertificationStatus.ACTIVE || status === CertificationStatus.EXPIRING,
      status,
      holderName: `${row.first_name} ${row.last_name}`,
      programName: row.program_name,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      issuedOn: localIsoDay(row.issued_at, timezone),
      expiresOn: localIsoDay(row.expires_at, timezone),
    };
  }
}
