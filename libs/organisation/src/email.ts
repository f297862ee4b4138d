import { isEmail } from 'class-validator';

/**
 * Emails are compared and stored trimmed, lower-cased and in Unicode's composed form (NFC):
 * the column compares bytes, and "é" typed as one character or as "e" plus an accent is the
 * same address.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().normalize('NFC');
}

/** An address an employee may have: what an import line or an operator types is held to this. */
export function isEmailAddress(email: string): boolean {
  return email.length <= 254 && isEmail(email);
}
