import { daysInMonth } from '@lp/core';
import { endOfLocalDay, instantOfLocalTime, localTime } from '@lp/organisation';

/** How a renewed certification is dated, chosen per programme (as Totara does). */
export enum RenewalBasis {
  /** From the previous expiry, so finishing a refresher early costs nothing (the default). */
  PREVIOUS_EXPIRY = 'PREVIOUS_EXPIRY',
  /** From the date the refresher was completed. */
  COMPLETION = 'COMPLETION',
  /** On a fixed calendar date every cycle (e.g. 1 April), whatever the completion date. */
  FIXED_DATE = 'FIXED_DATE',
}

export interface DatingRules {
  validityMonths: number;
  renewalBasis: RenewalBasis;
  /** MM-DD, for FIXED_DATE. */
  fixedExpiryDate: string | null;
}

/**
 * Adds calendar months on the clock of a zone (the holder's), clamping to the month's last
 * day (31 Jan + 1 month = 28/29 Feb, 29 Feb + 12 months = 28 Feb): the same local day and
 * time that many months on, whatever the clocks did meanwhile. A time the clocks skip that
 * day is taken as instantOfLocalTime does.
 */
export function addMonths(date: Date, months: number, zone: string): Date {
  const local = localTime(date.getTime(), zone);
  const first = new Date(Date.UTC(local.year, local.month - 1 + months, 1));
  const [year, month] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
  const minute = instantOfLocalTime(
    { year, month, day: Math.min(local.day, daysInMonth(year, month)), hour: local.hour, minute: local.minute },
    zone,
  );
  // Zones differ from UTC by whole minutes: the seconds carry over as they are.
  const secondsIntoMinute = ((date.getTime() % 60_000) + 60_000) % 60_000;
  return new Date(minute.getTime() + secondsIntoMinute);
}

/** Whether an MM-DD is a day of the calendar in some year: 02-29 is, 02-30 and 04-31 are not. */
export function isCalendarMonthDay(monthDay: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  // 2000 is a leap year, so its months are as long as they ever get.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/**
 * The occurrence of the fixed MM-DD nearest to `from` plus the validity, so the whole chain
 * renews on the same date and a cycle is never more than half a year longer or shorter than
 * the validity. It ends with that day in the holder's zone (the last second of it), so the
 * certificate, the emails and the web app all show that day. 29 February falls on the 28th
 * in other years, not on 1 March.
 */
function nearestFixedDate(from: Date, monthDay: string, validityMonths: number, zone: string): Date {
  const [month, day] = monthDay.split('-').map(Number);
  const target = addMonths(from, validityMonths, zone);
  const onYear = (year: number) => endOfLocalDay({ year, month, day: Math.min(day, daysInMonth(year, month)) }, zone);
  const year = target.getUTCFullYear();
  return [onYear(year - 1), onYear(year), onYear(year + 1)]
    .filter((candidate) => candidate > from)
    .reduce((best, candidate) =>
      Math.abs(candidate.getTime() - target.getTime()) < Math.abs(best.getTime() - target.getTime()) ? candidate : best,
    );
}

/**
 * Expiry of a first certification earned on `completedAt`; `zone` is the holder's (their
 * store's), whose calendar the validity's months and a fixed expiry date's day are counted in.
 */
export function initialExpiry(rules: DatingRules, completedAt: Date, zone: string): Date {
  if (rules.renewalBasis === RenewalBasis.FIXED_DATE && rules.fixedExpiryDate) {
    return nearestFixedDate(completedAt, rules.fixedExpiryDate, rules.validityMonths, zone);
  }
  return addMonths(completedAt, rules.validityMonths, zone);
}

/**
 * Expiry of a renewal. A late renewal (after the previous expiry) starts a new cycle from
 * the completion, whatever the basis.
 */
export function renewedExpiry(rules: DatingRules, previousExpiresAt: Date, completedAt: Date, zone: string): Date {
  if (completedAt >= previousExpiresAt) return initialExpiry(rules, completedAt, zone);
  switch (rules.renewalBasis) {
    case RenewalBasis.PREVIOUS_EXPIRY:
      return addMonths(previousExpiresAt, rules.validityMonths, zone);
    case RenewalBasis.COMPLETION:
      return addMonths(completedAt, rules.validityMonths, zone);
    case RenewalBasis.FIXED_DATE:
      return rules.fixedExpiryDate
        ? nearestFixedDate(previousExpiresAt, rules.fixedExpiryDate, rules.validityMonths, zone)
        : addMonths(previousExpiresAt, rules.validityMonths, zone);
  }
}
