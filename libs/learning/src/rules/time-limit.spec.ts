import { secondsLeft } from './time-limit';

describe('secondsLeft', () => {
  const expiresAt = new Date('2026-03-01T10:20:00Z');

  it('counts the seconds left, rounding a part second up, and none once the limit has passed', () => {
    expect(secondsLeft(expiresAt, new Date('2026-03-01T10:00:00Z'))).toBe(1200);
    expect(secondsLeft(expiresAt, new Date('2026-03-01T10:19:59.400Z'))).toBe(1);
    expect(secondsLeft(expiresAt, expiresAt)).toBe(0);
    expect(secondsLeft(expiresAt, new Date('2026-03-01T10:25:00Z'))).toBe(0);
    expect(secondsLeft(null, new Date())).toBeNull();
  });
});
