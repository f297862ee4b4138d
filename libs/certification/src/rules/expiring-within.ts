import { instantOfLocalTime, localTime } from '@lp/organisation';

/**
 * Where "expiring within `days` days" stops in a zone: the first moment after the `days`-th
 * day from today there, today being day 0. On 10 March, 7 days take in a certificate that
 * ends at any time on 17 March in that zone, the day its certificate and emails give; 0 days,
 * the ones ending later today.
 */
export function expiringWithinEnd(now: Date, days: number, zone: string): Date {
  const today = localTime(now.getTime(), zone);
  const dayAfter = new Date(Date.UTC(today.year, today.month - 1, today.day + days + 1));
  return instantOfLocalTime(
    { year: dayAfter.getUTCFullYear(), month: dayAfter.getUTCMonth() + 1, day: dayAfter.getUTCDate(), hour: 0 },
    zone,
  );
}
