const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
/** A calendar day the API gives as YYYY-MM-DD is that day wherever the reader is: formatted in UTC, as it is parsed. */
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DAY = 24 * 60 * 60 * 1000;

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
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

/** "Due in 3 days", "Due today", "2 days overdue". */
export function dueLabel(iso: string, now = Date.now()): string {
  const days = Math.round((new Date(iso).getTime() - now) / DAY);
  if (days === 0) return 'Due today';
  if (days > 0) return days === 1 ? 'Due tomorrow' : `Due in ${days} days`;
  return days === -1 ? '1 day overdue' : `${-days} days overdue`;
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

/** yyyy-mm-dd of a date `days` from today, for date inputs. */
export function isoDay(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * DAY).toISOString().slice(0, 10);
}

/** End of that day in the user's time zone, as the instant the API expects. */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:00`).toISOString();
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
