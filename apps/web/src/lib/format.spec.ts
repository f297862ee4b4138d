import { dayOf, endOfDay, formatDate } from './format';

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
