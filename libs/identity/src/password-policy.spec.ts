import { BadInputError } from '@lp/core';
import { assertAcceptablePassword } from './password-policy';

describe('password policy', () => {
  it('accepts 8 to 128 characters of anything, with no composition rules', () => {
    for (const password of ['correct horse', 'zzzzqqqq-7', 'ünïcödé pässwörd', 'x'.repeat(100)]) {
      expect(() => assertAcceptablePassword(password)).not.toThrow();
    }
  });

  it('refuses too short, too long and common passwords, naming the field', () => {
    for (const password of ['short', 'x'.repeat(129), 'password1', 'qwertyuiop', 'iloveyou123']) {
      expect(() => assertAcceptablePassword(password, '--password')).toThrow(BadInputError);
    }
    expect(() => assertAcceptablePassword('password1')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'password' } }),
    );
  });
});
