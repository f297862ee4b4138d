import { instantOfLocalTime, type LocalTime, localTime } from '@lp/organisation';

/** Local office hours in which emails may go out: from `startHour` (inclusive) to `endHour` (exclusive). */
export interface SendingWindow {
  startHour: number;
  endHour: number;
}

/**
 * The first moment at or after `planned` that falls inside the sending window of the
 * zone: unchanged during office hours, else the window's opening that morning (before it)
 * or the next morning (after it). Never at 3 am local, whatever the server's zone.
 */
export function nextSendingMoment(planned: Date, timezone: string, window: SendingWindow): Date {
  const local = localTime(planned.getTime(), timezone);
  if (local.hour >= window.startHour && local.hour < window.endHour) return new Date(planned);
  return windowOpening(local, local.hour < window.startHour ? 0 : 1, timezone, window);
}

/**
 * The first opening of the sending window at or after `planned` in the zone: that morning's
 * opening until it comes, then the next morning's. What is held for it goes out together,
 * whatever time of the day before it was planned.
 */
export function nextWindowOpening(planned: Date, timezone: string, window: SendingWindow): Date {
  const local = localTime(planned.getTime(), timezone);
  const today = windowOpening(local, 0, timezone, window);
  return planned <= today ? today : windowOpening(local, 1, timezone, window);
}

/** The window's opening `dayOffset` days after the local day of `local`. */
function windowOpening(local: LocalTime, dayOffset: number, timezone: string, window: SendingWindow): Date {
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + dayOffset));
  return instantOfLocalTime(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: window.startHour },
    timezone,
  );
}
