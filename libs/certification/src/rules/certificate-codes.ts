import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * An unguessable verification code: 130 bits from the CSPRNG as 26 base32 characters,
 * shown in groups of five for typing (e.g. 7K3QD-…); fits a QR code easily.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(17); // 136 bits; 26 characters carry 130 of them
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 26; i++) {
    code += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return code;
}

/** Accepts the code as typed: any case, with or without dashes or spaces; O/I/L read as 0/1/1. */
export function normaliseVerificationCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(cleaned) ? cleaned : null;
}

export function formatVerificationCode(code: string): string {
  return code.match(/.{1,5}/g)!.join('-');
}

/** Human-readable and unique per programme and year, e.g. LPF-2026-000123. */
export function formatCertificateNumber(programCode: string, year: number, sequence: number): string {
  return `${programCode}-${year}-${String(sequence).padStart(6, '0')}`;
}
