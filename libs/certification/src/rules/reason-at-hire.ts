import { AssignmentReason } from '@lp/assignments';
import { localIsoDay, resolveTimezone } from '@lp/organisation';

/**
 * What a programme's (p) audience rules give an employee (e) at their hire says of itself,
 * as SQL over them and their store (s): ONBOARDING when they were hired within the
 * programme's onboarding period — on or after the day `onboarding_days` (the period that
 * also sets the work's due date) before today in their store's zone — and RULE when they
 * were hired before it: a chain's first import of long-serving staff is not their
 * onboarding. `timezones` are the store zones the statement meets; a store in another one
 * (its zone changed since they were read) is judged by today's UTC day.
 */
export function reasonAtHireSql(now: Date, timezones: string[]): { sql: string; params: unknown[] } {
  const zones = [...new Set(timezones)];
  const utcToday = now.toISOString().slice(0, 10);
  const today = zones.length === 0 ? '?' : `CASE s.timezone ${zones.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ? END`;
  return {
    sql: `CASE WHEN e.hire_date >= DATE_SUB(DATE(${today}), INTERVAL p.onboarding_days DAY) THEN ? ELSE ? END`,
    params: [
      ...zones.flatMap((zone) => [zone, localIsoDay(now, resolveTimezone(zone).timezone)]),
      utcToday,
      AssignmentReason.ONBOARDING,
      AssignmentReason.RULE,
    ],
  };
}
