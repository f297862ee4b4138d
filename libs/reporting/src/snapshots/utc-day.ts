/** Snapshot days are UTC calendar days, 'YYYY-MM-DD' (one day for the whole chain, whatever the store's timezone). */
export type UtcDay = string;

export const utcDayOf = (moment: Date): UtcDay => moment.toISOString().slice(0, 10);

/** The last millisecond of the day: the moment a closed day's figures are computed at. */
export const endOfUtcDay = (day: UtcDay): Date => new Date(`${day}T23:59:59.999Z`);

export const addUtcDays = (day: UtcDay, days: number): UtcDay =>
  utcDayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** Whole days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export const utcDaysBetween = (from: UtcDay, to: UtcDay): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A strict 'YYYY-MM-DD' that names a real day. */
export const isUtcDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  utcDayOf(new Date(`${value}T00:00:00Z`)) === value;
