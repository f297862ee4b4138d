const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const dateFormat = new Intl.DateTimeFormat(undefined, DATE_OPTIONS);
/** A calendar day the API gives as YYYY-MM-DD is that day wherever the reader is: formatted in UTC, as it is parsed. */
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
/** A moment in the reader's zone, named: HR's notification log and a person's history are read chain-wide. */
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
const DAY = 24 * 60 * 60 * 1000;

/**
 * The day of an instant, in `timeZone` when given: a manager reads a person's due and expiry
 * dates as that person's store has them, the day their emails and certificate print.
 */
export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const format = timeZone ? new Intl.DateTimeFormat(undefined, { ...DATE_OPTIONS, timeZone }) : dateFormat;
  return format.format(new Date(iso));
}

/** A YYYY-MM-DD day (e.g. a certificate's, in its holder's store's zone) as formatDate writes a date. */
export function formatDay(day: string | null | undefined): string {
  return day ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(value % 1 === 0 ? 0 : 1)}%`;
}

/**
 * "Due in 3 days", "Due today", "2 days overdue": calendar days in `timeZone` (the person's
 * store's, whose day a due date ends) from today to the due day, not 24-hour spans.
 */
export function dueLabel(iso: string, timeZone: string, now = Date.now()): string {
  const day = (instant: number) => Math.floor(wallClockMs(instant, timeZone) / DAY);
  const days = day(Date.parse(iso)) - day(now);
  if (days === 0) return 'Due today';
  if (days > 0) return days === 1 ? 'Due tomorrow' : `Due in ${days} days`;
  return days === -1 ? '1 day overdue' : `${-days} days overdue`;
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** What a clock in `timeZone` shows at `instant`, written as if it were UTC (milliseconds). */
function wallClockMs(instant: number, timeZone: string): number {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}

/** yyyy-mm-dd of the day `days` from today in `timeZone`, for date inputs. */
export function isoDay(daysFromToday: number, timeZone: string): string {
  return new Date(wallClockMs(Date.now(), timeZone) + daysFromToday * DAY).toISOString().slice(0, 10);
}

/** yyyy-mm-dd of the day `iso` falls on in `timeZone`, for date inputs. */
export function dayOf(iso: string, timeZone: string): string {
  return new Date(wallClockMs(Date.parse(iso), timeZone)).toISOString().slice(0, 10);
}

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What a due day typed for a store means (see endOfDay), said only when the store's zone is not the reader's. */
export function dueDayHint(timeZone: string): string {
  return timeZone === BROWSER_ZONE
    ? 'The end of this day'
    : `The end of this day in the store's time zone (${timeZone})`;
}

/** 23:59 on that day in `timeZone`, as the instant the API expects. */
export function endOfDay(day: string, timeZone: string): string {
  const wanted = Date.parse(`${day}T23:59:00Z`);
  // The zone's offset near that moment; read again at the result, in case a clock change lies between.
  let instant = wanted - (wallClockMs(wanted, timeZone) - wanted);
  instant += wanted - wallClockMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** A store's code as lists write it: a closed store stays in them, to look back at, marked. */
export function storeCode(store: { code: string; closedOn?: string | null }): string {
  return store.closedOn ? `${store.code} (closed)` : store.code;
}

export function humanize(code: string): string {
  return code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Leaves out empty filter values: the API reads an explicit null as "this id", not "any". */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as Partial<T>;
}
