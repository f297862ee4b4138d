/** Wall-clock time in IANA zones: exact around DST changes, and cheap enough to convert in bulk. */

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one, and a sweep converts thousands of times. */
function formatIn(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timezone, format);
  }
  return format;
}

/** The wall-clock time as ICU shows it in the zone: exact, and slow. */
function formattedLocalTime(instant: number, timezone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatIn(timezone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

function minutesAhead(instant: number, local: LocalTime): number {
  const wallClockAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return Math.round((wallClockAsUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const DAY_MS = 86_400_000;
/** Days cached per zone before its cache starts again: a planning run touches a year or two of days. */
const MAX_CACHED_DAYS = 20_000;
/**
 * Per zone, per UTC day (its number since the epoch): the zone's offset when it holds all
 * day, null on the days the clocks change. Keyed by number within a zone, so a look-up
 * builds no string.
 */
const steadyOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset through the UTC day of the instant, or null if it changes that day.
 * Planning converts hundreds of thousands of moments; asking ICU twice per zone and day
 * instead of once per moment is what keeps that cheap.
 */
function steadyOffsetOfDay(instant: number, timezone: string): number | null {
  const day = Math.floor(instant / DAY_MS);
  let days = steadyOffsets.get(timezone);
  if (!days) steadyOffsets.set(timezone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const dayStart = day * DAY_MS;
    const dayEnd = dayStart + DAY_MS - 60_000;
    const atStart = minutesAhead(dayStart, formattedLocalTime(dayStart, timezone));
    const atEnd = minutesAhead(dayEnd, formattedLocalTime(dayEnd, timezone));
    offset = atStart === atEnd ? atStart : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  return offset;
}

/** The wall-clock time of an instant in a zone. */
export function localTime(instant: number, timezone: string): LocalTime {
  const offset = steadyOffsetOfDay(instant, timezone);
  if (offset === null) return formattedLocalTime(instant, timezone);
  const local = new Date(instant + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export function localIsoDay(instant: Date, timezone: string): string {
  const { year, month, day } = localTime(instant.getTime(), timezone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(instant: number, timezone: string): number {
  return steadyOffsetOfDay(instant, timezone) ?? minutesAhead(instant, formattedLocalTime(instant, timezone));
}

/**
 * The instant a wall-clock time happens in a zone. Around a DST change the zone has two
 * offsets that day: an ambiguous time (clocks going back) takes its first occurrence, and
 * a time that never happens (clocks going forward) is read on the clock before the change,
 * so it lands as far past the jump as it was past the time the clocks jumped from: 02:00 on
 * the night New York goes from 02:00 to 03:00 is the jump itself, 02:30 is 03:30.
 */
export function instantOfLocalTime(
  local: { year: number; month: number; day: number; hour: number; minute?: number },
  timezone: string,
): Date {
  const wallClockAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute ?? 0);
  const offsets = new Set([
    offsetMinutes(wallClockAsUtc - DAY_MS, timezone),
    offsetMinutes(wallClockAsUtc, timezone),
    offsetMinutes(wallClockAsUtc + DAY_MS, timezone),
  ]);
  const candidates = [...offsets].map((offset) => wallClockAsUtc - offset * 60_000);
  const expected = new Date(wallClockAsUtc);
  const matching = candidates.filter((candidate) => {
    const at = localTime(candidate, timezone);
    const shown = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute);
    return shown === expected.getTime();
  });
  return new Date(matching.length > 0 ? Math.min(...matching) : Math.max(...candidates));
}

/** Per zone, per calendar day (its number since the epoch): the epoch ms the day starts at. */
const dayStarts = new Map<string, Map<number, number>>();

/**
 * The first moment of a calendar day in a zone, `days` after the given one (negative for
 * before): its midnight, or the moment the clocks jump where midnight never happens.
 * Cached per zone and day: planning asks it for every reminder of every row it reads.
 */
export function startOfLocalDay(date: { year: number; month: number; day: number }, timezone: string, days = 0): Date {
  const dayNumber = Date.UTC(date.year, date.month - 1, date.day) / DAY_MS + days;
  let starts = dayStarts.get(timezone);
  if (!starts) dayStarts.set(timezone, (starts = new Map()));
  let start = starts.get(dayNumber);
  if (start === undefined) {
    const day = new Date(dayNumber * DAY_MS);
    start = instantOfLocalTime(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0 },
      timezone,
    ).getTime();
    if (starts.size >= MAX_CACHED_DAYS) starts.clear();
    starts.set(dayNumber, start);
  }
  return new Date(start);
}

/** The last second of a calendar day in a zone: what is valid or due "until" that day is so all of it. */
export function endOfLocalDay(date: { year: number; month: number; day: number }, timezone: string): Date {
  return new Date(startOfLocalDay(date, timezone, 1).getTime() - 1000);
}

/** When work due on a calendar day in a zone falls due: 23:59 there, as a due day picked in the web app ends. */
export function dueDayEnd(date: { year: number; month: number; day: number }, timezone: string): Date {
  return instantOfLocalTime({ ...date, hour: 23, minute: 59 }, timezone);
}
