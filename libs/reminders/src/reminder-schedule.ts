import { localTime, startOfLocalDay } from '@lp/organisation';

/** When reminders fall, as pure date maths: the planners feed it rows and plan what it answers. */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** The most a zone's clocks move at once (Antarctica/Troll's two hours; elsewhere one, or half of one). */
const CLOCK_CHANGE_MS = 2 * 3_600_000;

/** Days before a due date or expiry, for assignments outside any programme. */
export const DEFAULT_REMINDER_OFFSETS_DAYS: readonly number[] = [30, 14, 7, 1];

/**
 * A reminder whose moment passed more than this long ago (the worker was down, the
 * assignment was made late) is not planned: nobody needs "30 days left" for something
 * due tomorrow; the next offset speaks for it.
 */
export const LATE_REMINDER_TOLERANCE_MS = DAY_MS;

/**
 * How far ahead of its moment a reminder is planned. Planning runs every
 * REMINDER_PLANNING_EVERY_MINUTES, so a day ahead survives a day of failed runs with
 * nothing sent late, while each run offers the next day's reminders only — not every one
 * up to the longest offset (on a 100,000-employee chain ~265,000 instead of ~70,000, every
 * run).
 */
export const PLANNING_LOOKAHEAD_MS = DAY_MS;

export interface OffsetReminder {
  /** `D7@2026-03-01`: the offset and the date it counts down to, so a moved date plans anew. */
  offsetKey: string;
  plannedAt: Date;
  days: number;
  /** The programme's last (smallest) offset: from here on the managers are copied. */
  last: boolean;
}

export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Positive whole days, largest first, each once; anything else in stored offsets is ignored. */
export function normaliseOffsets(offsetsDays: readonly unknown[] | null | undefined): number[] {
  const valid = (offsetsDays ?? []).filter((d): d is number => Number.isInteger(d) && (d as number) > 0);
  const offsets = [...new Set(valid)].sort((a, b) => b - a);
  return offsets.length > 0 ? offsets : [...DEFAULT_REMINDER_OFFSETS_DAYS];
}

/**
 * The "N days before" reminders about something due at `target` to plan now: each from the
 * start of the calendar day N days before the due day in `timezone` (the recipient's), so the
 * sending window sends it that morning, whatever time of day the due date ends at and however
 * the clocks change in between; those whose moment is no more than a day late
 * (LATE_REMINDER_TOLERANCE_MS) and comes within PLANNING_LOOKAHEAD_MS.
 */
export function offsetReminders(
  target: Date,
  offsetsDays: readonly number[],
  now: Date,
  timezone: string,
): OffsetReminder[] {
  if (target <= now) return [];
  const offsets = normaliseOffsets(offsetsDays);
  const last = offsets[offsets.length - 1];
  const dueDay = localTime(target.getTime(), timezone);
  const dueDate = isoDate(target);
  const plannable = plannableMoments(now);
  return offsets
    .map((days) => ({
      offsetKey: `D${days}@${dueDate}`,
      plannedAt: startOfLocalDay(dueDay, timezone, -days),
      days,
      last: days === last,
    }))
    .filter((reminder) => {
      const at = reminder.plannedAt.getTime();
      return at >= plannable.earliest && at <= plannable.latest;
    });
}

/** The moments (epoch ms) a reminder planned now may fall at: a day late at most, a look-ahead early. */
function plannableMoments(now: Date): { earliest: number; latest: number } {
  return { earliest: now.getTime() - LATE_REMINDER_TOLERANCE_MS, latest: now.getTime() + PLANNING_LOOKAHEAD_MS };
}

/** A span of due dates or expiries, `from` excluded, `to` included. */
export interface DateSpan {
  from: Date;
  to: Date;
}

/**
 * The spans of due dates (or expiries) that have a reminder to plan now at one of the
 * offsets, overlapping spans merged: what a planner reads instead of everything up to the
 * longest offset. An N-day reminder starts the day N days before the due day, so the due
 * moment lies N to N + 1 days after it, give or take a change of the clocks.
 * `offsetReminders` still decides for each row.
 */
export function spansWithOffsetReminders(offsetsDays: readonly number[], now: Date): DateSpan[] {
  const { earliest, latest } = plannableMoments(now);
  const spans = [...new Set(offsetsDays)]
    .map((days) => ({
      // One millisecond before, as `from` is excluded; a due date must still be ahead.
      from: Math.max(now.getTime(), earliest + days * DAY_MS - CLOCK_CHANGE_MS - 1),
      to: latest + (days + 1) * DAY_MS + CLOCK_CHANGE_MS,
    }))
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    if (previous && span.from <= previous.to) previous.to = Math.max(previous.to, span.to);
    else merged.push({ ...span });
  }
  return merged.map((span) => ({ from: new Date(span.from), to: new Date(span.to) }));
}

export interface OverdueReminder {
  offsetKey: string;
  plannedAt: Date;
  /** 1 for the reminder on the due date, 2 a week later… */
  number: number;
}

/**
 * The weekly overdue reminder whose turn it is: the first when the due date passes, then
 * one a week, `limit` in all. Only the current one is planned, for now, so a worker that
 * was down catches up with one email rather than a burst of missed ones.
 */
export function currentOverdueReminder(dueAt: Date, now: Date, limit: number): OverdueReminder | null {
  if (now < dueAt) return null;
  const number = Math.floor((now.getTime() - dueAt.getTime()) / WEEK_MS) + 1;
  if (number > limit) return null;
  return { offsetKey: `OVERDUE-${number}@${isoDate(dueAt)}`, plannedAt: now, number };
}

export function escalationKey(dueAt: Date): string {
  return `ESCALATE@${isoDate(dueAt)}`;
}

export interface IsoWeek {
  /** e.g. `2026-W03`. */
  key: string;
  /** Monday 00:00 UTC. */
  start: Date;
}

/** The ISO-8601 week of an instant (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(instant: Date): IsoWeek {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const start = new Date(day - weekday * DAY_MS);
  const thursday = new Date(start.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start };
}

/**
 * The week whose digest is due now to someone in a zone: the ISO week of today there, so it
 * goes out from Monday 00:00 there (the sending window then holds it until the morning),
 * east or west of UTC. Null on Sunday there: a digest first planned on a week's last day
 * (a new install, a new manager) would go out with the next week's on Monday morning.
 */
export function digestWeek(now: Date, timezone: string): IsoWeek | null {
  const today = localTime(now.getTime(), timezone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day));
  return day.getUTCDay() === 0 ? null : isoWeek(day);
}
