import { dayOf, dueLabel, endOfDay, formatDate, formatDateTime } from './format';

describe('days in a store’s time zone', () => {
  it('ends a day at 23:59 of that zone', () => {
    expect(endOfDay('2026-12-10', 'Australia/Sydney')).toBe('2026-12-10T12:59:00.000Z');
    expect(endOfDay('2026-12-10', 'America/New_York')).toBe('2026-12-11T04:59:00.000Z');
    expect(endOfDay('2026-12-10', 'UTC')).toBe('2026-12-10T23:59:00.000Z');
  });

  it('ends the day the clocks change with the offset in force at its end', () => {
    // London goes to summer time at 01:00 UTC on 29 March 2026, and back at 01:00 UTC on 25 October.
    expect(endOfDay('2026-03-29', 'Europe/London')).toBe('2026-03-29T22:59:00.000Z');
    expect(endOfDay('2026-10-25', 'Europe/London')).toBe('2026-10-25T23:59:00.000Z');
    // Sydney leaves summer time on 5 April 2026.
    expect(endOfDay('2026-04-05', 'Australia/Sydney')).toBe('2026-04-05T13:59:00.000Z');
  });

  it('gives the day an instant falls on there, as a date input takes it', () => {
    expect(dayOf('2026-03-09T22:00:00Z', 'Australia/Sydney')).toBe('2026-03-10');
    expect(dayOf('2026-12-11T04:59:00.000Z', 'America/New_York')).toBe('2026-12-10');
  });

  it('writes an instant as the day it is in the zone given', () => {
    const nineInSydney = '2026-03-09T22:00:00Z';
    expect(formatDate(nineInSydney, 'Australia/Sydney')).toBe(formatDate('2026-03-10T12:00:00Z', 'UTC'));
    expect(formatDate(nineInSydney, 'America/New_York')).toBe(formatDate('2026-03-09T12:00:00Z', 'UTC'));
  });
});

describe('moments', () => {
  it('names the reader’s zone after the time, since HR reads the log of a chain spread over several', () => {
    const sent = '2026-03-09T22:00:00Z';
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(new Date(sent))
      .find((part) => part.type === 'timeZoneName')!.value;
    expect(formatDateTime(sent)).toContain(zone);
    expect(formatDateTime(null)).toBe('—');
  });
});

describe('due labels', () => {
  // Due dates end a calendar day of the store's zone (endOfDay): labels count those days, not 24-hour spans.
  const dueOn = (day: string, timeZone: string) => endOfDay(day, timeZone);

  it('counts calendar days in the zone, whatever the hour', () => {
    const morning = Date.parse('2026-03-10T08:00:00Z');
    expect(dueLabel(dueOn('2026-03-10', 'UTC'), 'UTC', morning)).toBe('Due today');
    expect(dueLabel(dueOn('2026-03-11', 'UTC'), 'UTC', morning)).toBe('Due tomorrow');
    expect(dueLabel(dueOn('2026-03-13', 'UTC'), 'UTC', morning)).toBe('Due in 3 days');
    expect(dueLabel(dueOn('2026-03-09', 'UTC'), 'UTC', morning)).toBe('1 day overdue');
    expect(dueLabel(dueOn('2026-03-07', 'UTC'), 'UTC', morning)).toBe('3 days overdue');
    const lateEvening = Date.parse('2026-03-10T23:30:00Z');
    expect(dueLabel(dueOn('2026-03-10', 'UTC'), 'UTC', lateEvening)).toBe('Due today');
    expect(dueLabel(dueOn('2026-03-11', 'UTC'), 'UTC', lateEvening)).toBe('Due tomorrow');
  });

  it("reads today as the store's zone has it, not UTC's", () => {
    // 22:00 UTC on 9 March is 09:00 on the 10th in Sydney and 18:00 on the 9th in New York.
    const now = Date.parse('2026-03-09T22:00:00Z');
    expect(dueLabel(dueOn('2026-03-10', 'Australia/Sydney'), 'Australia/Sydney', now)).toBe('Due today');
    expect(dueLabel(dueOn('2026-03-09', 'Australia/Sydney'), 'Australia/Sydney', now)).toBe('1 day overdue');
    expect(dueLabel(dueOn('2026-03-10', 'America/New_York'), 'America/New_York', now)).toBe('Due tomorrow');
    expect(dueLabel(dueOn('2026-03-09', 'America/New_York'), 'America/New_York', now)).toBe('Due today');
  });

  it('counts the days across a change of the clocks', () => {
    // London's clocks go forward on 29 March 2026: that day has 23 hours.
    const now = Date.parse('2026-03-28T23:30:00Z');
    expect(dueLabel(dueOn('2026-03-30', 'Europe/London'), 'Europe/London', now)).toBe('Due in 2 days');
    expect(dueLabel(dueOn('2026-03-27', 'Europe/London'), 'Europe/London', now)).toBe('1 day overdue');
  });
});
