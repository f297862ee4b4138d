/** Derived, never stored: the same rule everywhere (API, reports, worker). */
export enum CertificationStatus {
  ACTIVE = 'ACTIVE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

export interface StatusInputs {
  expiresAt: Date;
  revokedAt: Date | null;
  recertifyWindowDays: number;
}

const DAY_MS = 86_400_000;

/** The moment a certification enters its recertification window. */
export function windowOpensAt(expiresAt: Date, recertifyWindowDays: number): Date {
  return new Date(expiresAt.getTime() - recertifyWindowDays * DAY_MS);
}

export function certificationStatus(certification: StatusInputs, now: Date): CertificationStatus {
  if (certification.revokedAt) return CertificationStatus.REVOKED;
  if (certification.expiresAt <= now) return CertificationStatus.EXPIRED;
  if (windowOpensAt(certification.expiresAt, certification.recertifyWindowDays) <= now) {
    return CertificationStatus.EXPIRING;
  }
  return CertificationStatus.ACTIVE;
}
