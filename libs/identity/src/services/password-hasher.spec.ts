import { PasswordHasher } from './password-hasher';

const OWASP_MINIMUM = /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/;

describe('password hashing', () => {
  const hasher = new PasswordHasher();

  it('uses argon2id with OWASP’s minimum: m=19 MiB, t=2, p=1', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(OWASP_MINIMUM);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'wrong horse battery staple')).toBe(false);
  });

  it('does the same argon2 work for an account that does not exist, so timing reveals nothing', async () => {
    expect(await hasher.verify(null, 'any password')).toBe(false);
    // The unknown account was checked against a decoy hashed with the same cost parameters.
    const decoy = await (hasher as unknown as { decoy: Promise<string> }).decoy;
    expect(decoy).toMatch(OWASP_MINIMUM);
  });
});
