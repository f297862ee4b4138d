/** "New York time" for America/New_York: clearer to a reader than "GMT-4". */
export function zoneLabel(timezone: string): string {
  if (timezone === 'UTC') return 'UTC';
  return `${timezone.split('/').pop()!.replace(/_/g, ' ')} time`;
}

/** The calendar day of an instant in a zone, as emails write it: "Monday, 9 March 2026". */
export function localDateText(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/** An instant in a zone, as emails write it: "Monday, 9 March 2026 at 14:00 Paris time". */
export function localDateTimeText(instant: Date, timezone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${localDateText(instant, timezone)} at ${time} ${zoneLabel(timezone)}`;
}
