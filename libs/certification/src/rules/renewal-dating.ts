import { daysInMonth } from '@lp/core';
import { instantOfLocalTime } from '@lp/organisation';

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

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  result.setUTCDate(Math.min(day, daysInMonth(result.getUTCFullYear(), result.getUTCMonth() + 1)));
  return result;
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
  const target = addMonths(from, validityMonths);
  const onYear = (year: number) => endOfDay({ year, month, day: Math.min(day, daysInMonth(year, month)) }, zone);
  const year = target.getUTCFullYear();
  return [onYear(year - 1), onYear(year), onYear(year + 1)]
    .filter((candidate) => candidate > from)
    .reduce((best, candidate) =>
      Math.abs(candidate.getTime() - target.getTime()) < Math.abs(best.getTime() - target.getTime()) ? candidate : best,
    );
}

/** The last second of a calendar day in a zone. */
function endOfDay(date: { year: number; month: number; day: number }, zone: string): Date {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  const nextMidnight = instantOfLocalTime(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0 },
    zone,
  );
  return new Date(nextMidnight.getTime() - 1000);
}

/**
 * Expiry of a first certification earned on `completedAt`; `zone` is the holder's (their
 * store's), where a fixed expiry date's day ends.
 */
export function initialExpiry(rules: DatingRules, completedAt: Date, zone: string): Date {
  if (rules.renewalBasis === RenewalBasis.FIXED_DATE && rules.fixedExpiryDate) {
    return nearestFixedDate(completedAt, rules.fixedExpiryDate, rules.validityMonths, zone);
  }
  return addMonths(completedAt, rules.validityMonths);
}

/**
 * Expiry of a renewal. A late renewal (after the previous expiry) starts a new cycle from
 * the completion, whatever the basis.
 */
export function renewedExpiry(rules: DatingRules, previousExpiresAt: Date, completedAt: Date, zone: string): Date {
  if (completedAt >= previousExpiresAt) return initialExpiry(rules, completedAt, zone);
  switch (rules.renewalBasis) {
    case RenewalBasis.PREVIOUS_EXPIRY:
      return addMonths(previousExpiresAt, rules.validityMonths);
    case RenewalBasis.COMPLETION:
      return addMonths(completedAt, rules.validityMonths);
    case RenewalBasis.FIXED_DATE:
      return rules.fixedExpiryDate
        ? nearestFixedDate(previousExpiresAt, rules.fixedExpiryDate, rules.validityMonths, zone)
        : addMonths(previousExpiresAt, rules.validityMonths);
  }
}
