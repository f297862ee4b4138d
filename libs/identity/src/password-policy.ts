import commonPasswords from 'fxa-common-password-list';
import { BadInputError } from '@lp/core';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * OWASP ASVS 2.1: 8 to at least 64 characters, no composition rules, and no password from
 * the lists attackers try first (Mozilla's list of common passwords, from the top million
 * of known breaches).
 */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new BadInputError(`${field} must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, field);
  }
  if (commonPasswords.test(password)) {
    throw new BadInputError(`${field} is one of the most common passwords; choose another`, field);
  }
}
