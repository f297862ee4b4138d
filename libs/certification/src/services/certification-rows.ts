import type { RenewalBasis } from '../rules/renewal-dating';
import { CertificationEntity, CertificationProgramEntity, type CertificationSource } from '../entities';

/**
 * Certifications and their programmes read by hand-written SQL on the learner's dashboard,
 * where TypeORM's joined `find` cost more CPU than the statement itself. Columns come
 * prefixed (`c_`, `p_`) so both tables share a row.
 */
export function certificationColumns(alias: string): string {
  return `${alias}.id AS c_id, ${alias}.employee_id AS c_employee_id, ${alias}.program_id AS c_program_id,
          ${alias}.certificate_number AS c_certificate_number, ${alias}.verification_code AS c_verification_code,
          ${alias}.issued_at AS c_issued_at, ${alias}.expires_at AS c_expires_at, ${alias}.source AS c_source,
          ${alias}.previous_certification_id AS c_previous_certification_id, ${alias}.current_key AS c_current_key,
          ${alias}.revoked_at AS c_revoked_at, ${alias}.revoked_reason AS c_revoked_reason,
          ${alias}.revoked_by_id AS c_revoked_by_id, ${alias}.granted_by_id AS c_granted_by_id`;
}

export interface CertificationRow {
  c_id: number;
  c_employee_id: number;
  c_program_id: number;
  c_certificate_number: string;
  c_verification_code: string;
  c_issued_at: Date;
  c_expires_at: Date;
  c_source: CertificationSource;
  c_previous_certification_id: number | null;
  c_current_key: number | null;
  c_revoked_at: Date | null;
  c_revoked_reason: string | null;
  c_revoked_by_id: number | null;
  c_granted_by_id: number | null;
}

export function certificationFromRow(row: CertificationRow): CertificationEntity {
  return Object.assign(new CertificationEntity(), {
    id: row.c_id,
    employeeId: row.c_employee_id,
    programId: row.c_program_id,
    certificateNumber: row.c_certificate_number,
    verificationCode: row.c_verification_code,
    issuedAt: row.c_issued_at,
    expiresAt: row.c_expires_at,
    source: row.c_source,
    previousCertificationId: row.c_previous_certification_id,
    currentKey: row.c_current_key,
    revokedAt: row.c_revoked_at,
    revokedReason: row.c_revoked_reason,
    revokedById: row.c_revoked_by_id,
    grantedById: row.c_granted_by_id,
  });
}

export function programColumns(alias: string): string {
  return `${alias}.id AS p_id, ${alias}.code AS p_code, ${alias}.name AS p_name, ${alias}.description AS p_description,
          ${alias}.validity_months AS p_validity_months, ${alias}.recertify_window_days AS p_recertify_window_days,
          ${alias}.refresher_course_id AS p_refresher_course_id,
          ${alias}.reminder_offsets_days AS p_reminder_offsets_days, ${alias}.renewal_basis AS p_renewal_basis,
          ${alias}.fixed_expiry_date AS p_fixed_expiry_date, ${alias}.onboarding_days AS p_onboarding_days,
          ${alias}.created_at AS p_created_at`;
}

export interface ProgramRow {
  p_id: number;
  p_code: string;
  p_name: string;
  p_description: string | null;
  p_validity_months: number;
  p_recertify_window_days: number;
  p_refresher_course_id: number | null;
  /** MySQL returns JSON columns parsed, MariaDB as text. */
  p_reminder_offsets_days: number[] | string;
  p_renewal_basis: RenewalBasis;
  p_fixed_expiry_date: string | null;
  p_onboarding_days: number;
  p_created_at: Date;
}

export function programFromRow(row: ProgramRow): CertificationProgramEntity {
  const offsets = row.p_reminder_offsets_days;
  return Object.assign(new CertificationProgramEntity(), {
    id: row.p_id,
    code: row.p_code,
    name: row.p_name,
    description: row.p_description,
    validityMonths: row.p_validity_months,
    recertifyWindowDays: row.p_recertify_window_days,
    refresherCourseId: row.p_refresher_course_id,
    reminderOffsetsDays: typeof offsets === 'string' ? (JSON.parse(offsets) as number[]) : offsets,
    renewalBasis: row.p_renewal_basis,
    fixedExpiryDate: row.p_fixed_expiry_date,
    onboardingDays: row.p_onboarding_days,
    createdAt: row.p_created_at,
  });
}
