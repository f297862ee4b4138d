import { normaliseEmail } from './email';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Dana.Lee@Example.TEST ')).toBe('dana.lee@example.test');
  });

  it('writes an accent typed as a separate mark as the one composed character', () => {
    expect(normaliseEmail('Jose\u0301@example.test')).toBe(normaliseEmail('JOS\u00c9@example.test'));
    expect(normaliseEmail('Jose\u0301@example.test')).toBe('jos\u00e9@example.test');
  });
});
