/**
 * Submissions arriving up to this long after the time limit are still accepted: the clock
 * runs on the server, and a learner who pressed submit at 0:00 should not lose the attempt to
 * network latency or a slow phone.
 */
export const SUBMISSION_GRACE_MS = 30_000;

export function expiryOf(startedAt: Date, timeLimitMinutes: number | null): Date | null {
  return timeLimitMinutes === null ? null : new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** Whole seconds left before the time limit, rounded up (0 once it has passed); null without a limit. */
export function secondsLeft(expiresAt: Date | null, now: Date): number | null {
  return expiresAt === null ? null : Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

export function isPastTimeLimit(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && now.getTime() > expiresAt.getTime() + SUBMISSION_GRACE_MS;
}
