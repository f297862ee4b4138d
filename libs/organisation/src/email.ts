/**
 * Emails are compared and stored trimmed, lower-cased and in Unicode's composed form (NFC):
 * the column compares bytes, and "é" typed as one character or as "e" plus an accent is the
 * same address.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().normalize('NFC');
}
