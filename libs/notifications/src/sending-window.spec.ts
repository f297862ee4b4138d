import fc from 'fast-check';
import { instantOfLocalTime, resolveTimezone } from '@lp/organisation';
import { nextSendingMoment, nextWindowOpening } from './sending-window';

const OFFICE_HOURS = { startHour: 9, endHour: 17 };

function at(iso: string): Date {
  return new Date(iso);
}

function localHour(instant: Date, timezone: string): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: 'numeric', hourCycle: 'h23' }).format(instant),
  );
}

describe('the sending window', () => {
  it('sends at once during local office hours', () => {
    expect(nextSendingMoment(at('2026-01-15T14:30:00Z'), 'Europe/London', OFFICE_HOURS)).toEqual(
      at('2026-01-15T14:30:00Z'),
    );
  });

  it('holds a reminder due at 02:00 local until 09:00 local the same morning', () => {
    // 02:00 in New York (EST, UTC-5) is 07:00 UTC; 09:00 EST is 14:00 UTC.
    expect(nextSendingMoment(at('2026-01-15T07:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
      at('2026-01-15T14:00:00Z'),
    );
  });

  it('moves a reminder due after closing time to the next morning', () => {
    // 18:30 in Los Angeles (PST, UTC-8) on the 15th is 02:30 UTC on the 16th.
    expect(nextSendingMoment(at('2026-01-16T02:30:00Z'), 'America/Los_Angeles', OFFICE_HOURS)).toEqual(
      at('2026-01-16T17:00:00Z'),
    );
  });

  it('crosses the end of a month and a year', () => {
    expect(nextSendingMoment(at('2026-12-31T20:00:00Z'), 'Europe/Paris', OFFICE_HOURS)).toEqual(
      at('2027-01-01T08:00:00Z'),
    );
  });

  it('treats the closing hour as closed and the opening hour as open', () => {
    expect(nextSendingMoment(at('2026-01-15T17:00:00Z'), 'UTC', OFFICE_HOURS)).toEqual(at('2026-01-16T09:00:00Z'));
    expect(nextSendingMoment(at('2026-01-15T09:00:00Z'), 'UTC', OFFICE_HOURS)).toEqual(at('2026-01-15T09:00:00Z'));
    expect(nextSendingMoment(at('2026-01-15T16:59:59Z'), 'UTC', OFFICE_HOURS)).toEqual(at('2026-01-15T16:59:59Z'));
  });

  it('follows daylight saving time: 09:00 is 14:00 UTC in winter and 13:00 UTC in summer in New York', () => {
    // Clocks went forward on 8 March 2026 at 02:00 local.
    expect(nextSendingMoment(at('2026-03-08T06:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
      at('2026-03-08T13:00:00Z'),
    );
    expect(nextSendingMoment(at('2026-03-07T06:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
      at('2026-03-07T14:00:00Z'),
    );
    // Clocks went back on 1 November 2026 at 02:00 local.
    expect(nextSendingMoment(at('2026-11-01T05:30:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
      at('2026-11-01T14:00:00Z'),
    );
  });

  it('follows the southern hemisphere, where summer time ends in April', () => {
    // Sydney left AEDT (UTC+11) for AEST (UTC+10) on 5 April 2026: 09:00 is 22:00 UTC the day
    // before, then 23:00 UTC.
    expect(nextSendingMoment(at('2026-04-04T12:00:00Z'), 'Australia/Sydney', OFFICE_HOURS)).toEqual(
      at('2026-04-04T23:00:00Z'),
    );
    expect(nextSendingMoment(at('2026-04-03T12:00:00Z'), 'Australia/Sydney', OFFICE_HOURS)).toEqual(
      at('2026-04-03T22:00:00Z'),
    );
  });

  it('handles zones with half- and quarter-hour offsets', () => {
    // Kolkata is UTC+05:30, Kathmandu UTC+05:45, Chatham UTC+13:45 in January.
    expect(nextSendingMoment(at('2026-01-15T00:00:00Z'), 'Asia/Kolkata', OFFICE_HOURS)).toEqual(
      at('2026-01-15T03:30:00Z'),
    );
    expect(nextSendingMoment(at('2026-01-15T00:00:00Z'), 'Asia/Kathmandu', OFFICE_HOURS)).toEqual(
      at('2026-01-15T03:15:00Z'),
    );
    expect(nextSendingMoment(at('2026-01-15T10:00:00Z'), 'Pacific/Chatham', OFFICE_HOURS)).toEqual(
      at('2026-01-15T19:15:00Z'),
    );
  });

  it('opens at the jump when the opening hour does not exist that day', () => {
    // 02:00 on 8 March 2026 never happened in New York: the clocks jumped to 03:00 EDT (07:00 UTC).
    const window = { startHour: 2, endHour: 6 };
    expect(nextSendingMoment(at('2026-03-08T05:30:00Z'), 'America/New_York', window)).toEqual(
      at('2026-03-08T07:00:00Z'),
    );
  });

  it('opens at the jump when the clocks move half an hour past the opening (Lord Howe)', () => {
    // 02:00 on 4 October 2026 never happened on Lord Howe Island: the clocks went from UTC+10:30 to
    // UTC+11 at 02:00, so the day's 02:00 window opened at 02:30 (15:30 UTC on the 3rd).
    const window = { startHour: 2, endHour: 6 };
    expect(nextSendingMoment(at('2026-10-03T14:30:00Z'), 'Australia/Lord_Howe', window)).toEqual(
      at('2026-10-03T15:30:00Z'),
    );
  });

  it('opens at the first of two opening hours when the clocks go back (London)', () => {
    // 01:00 happened twice in London on 25 October 2026, at 00:00 UTC (BST) and 01:00 UTC (GMT).
    const window = { startHour: 1, endHour: 6 };
    expect(nextSendingMoment(at('2026-10-24T23:30:00Z'), 'Europe/London', window)).toEqual(at('2026-10-25T00:00:00Z'));
    // The second 01:30 is inside the window too.
    expect(nextSendingMoment(at('2026-10-25T01:30:00Z'), 'Europe/London', window)).toEqual(at('2026-10-25T01:30:00Z'));
  });

  it('keeps the day of zones far ahead of UTC (Kiritimati, UTC+14)', () => {
    // 18:00 on 15 January there waits for 09:00 on the 16th, still the 15th in UTC.
    expect(nextSendingMoment(at('2026-01-15T04:00:00Z'), 'Pacific/Kiritimati', OFFICE_HOURS)).toEqual(
      at('2026-01-15T19:00:00Z'),
    );
    expect(nextSendingMoment(at('2026-01-15T20:00:00Z'), 'Pacific/Kiritimati', OFFICE_HOURS)).toEqual(
      at('2026-01-15T20:00:00Z'),
    );
  });

  it('reads a time the clocks skip on the clock before the change', () => {
    // New York jumped from 02:00 EST to 03:00 EDT (07:00 UTC) on 8 March 2026.
    expect(instantOfLocalTime({ year: 2026, month: 3, day: 8, hour: 2 }, 'America/New_York')).toEqual(
      at('2026-03-08T07:00:00Z'),
    );
    expect(instantOfLocalTime({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toEqual(
      at('2026-03-08T07:30:00Z'),
    );
  });

  it('takes the first of the two 01:30s when the clocks go back', () => {
    expect(instantOfLocalTime({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toEqual(
      at('2026-11-01T05:30:00Z'),
    );
  });

  it('always answers a moment inside the window, never before the planned one, within a day', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Kiritimati',
      'Pacific/Chatham',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: at('2024-01-01T00:00:00Z'), max: at('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (planned, zone) => {
          const moment = nextSendingMoment(planned, zone, OFFICE_HOURS);
          const hour = localHour(moment, zone);
          expect(hour).toBeGreaterThanOrEqual(9);
          expect(hour).toBeLessThan(17);
          expect(moment.getTime()).toBeGreaterThanOrEqual(planned.getTime());
          expect(moment.getTime() - planned.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
        },
      ),
    );
  });
});

describe('resolving a store timezone', () => {
  it('keeps a zone the runtime knows', () => {
    expect(resolveTimezone('America/Denver')).toEqual({ timezone: 'America/Denver', known: true });
  });

  it('falls back to UTC for unknown or missing zones', () => {
    expect(resolveTimezone('Mars/Olympus_Mons')).toEqual({ timezone: 'UTC', known: false });
    expect(resolveTimezone('not a zone')).toEqual({ timezone: 'UTC', known: false });
    expect(resolveTimezone('')).toEqual({ timezone: 'UTC', known: false });
    expect(resolveTimezone(null)).toEqual({ timezone: 'UTC', known: false });
  });

  describe('the next opening', () => {
    it("is that morning's opening before it, and the next morning's once it has passed", () => {
      // 09:00 in New York (EST) is 14:00 UTC.
      expect(nextWindowOpening(at('2026-01-15T07:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
        at('2026-01-15T14:00:00Z'),
      );
      expect(nextWindowOpening(at('2026-01-15T14:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
        at('2026-01-15T14:00:00Z'),
      );
      expect(nextWindowOpening(at('2026-01-15T15:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
        at('2026-01-16T14:00:00Z'),
      );
    });

    it('is 09:00 local on the morning after the clocks go forward', () => {
      // 20:00 EST on Saturday 7 March; 09:00 EDT on Sunday 8 March is 13:00 UTC.
      expect(nextWindowOpening(at('2026-03-08T01:00:00Z'), 'America/New_York', OFFICE_HOURS)).toEqual(
        at('2026-03-08T13:00:00Z'),
      );
    });
  });
});
