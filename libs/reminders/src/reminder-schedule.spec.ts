import {
  currentOverdueReminder,
  escalationKey,
  digestWeek,
  isoWeek,
  normaliseOffsets,
  offsetReminders,
  spansWithOffsetReminders,
} from './reminder-schedule';

const at = (iso: string) => new Date(iso);

describe('the reminder schedule', () => {
  const due = at('2026-03-31T17:00:00Z');

  it('plans each offset from the start of the day N days before the due day, a day ahead, keyed by offset and date', () => {
    const keys = (now: string) => offsetReminders(due, [30, 14, 7, 1], at(now), 'UTC').map((r) => r.offsetKey);
    expect(keys('2026-02-01T00:00:00Z')).toEqual([]);
    expect(keys('2026-02-27T23:59:59Z')).toEqual([]);
    expect(offsetReminders(due, [30, 14, 7, 1], at('2026-02-28T00:00:00Z'), 'UTC')).toEqual([
      { offsetKey: 'D30@2026-03-31', plannedAt: at('2026-03-01T00:00:00Z'), days: 30, last: false },
    ]);
    expect(keys('2026-03-30T09:00:00Z')).toEqual(['D1@2026-03-31']);
    expect(offsetReminders(due, [30, 14, 7, 1], at('2026-03-30T09:00:00Z'), 'UTC')[0].last).toBe(true);
  });

  it("counts the days on the recipient's calendar, across a change of the clocks", () => {
    const plannedAt = (target: Date, days: number, now: string, zone: string) =>
      offsetReminders(target, [days], at(now), zone).map((r) => r.plannedAt);
    // 13:00 EDT on 31 March: the 1st of March starts at 05:00 UTC (EST), the 24th at 04:00 (EDT).
    expect(plannedAt(due, 30, '2026-03-01T00:00:00Z', 'America/New_York')).toEqual([at('2026-03-01T05:00:00Z')]);
    expect(plannedAt(due, 7, '2026-03-23T12:00:00Z', 'America/New_York')).toEqual([at('2026-03-24T04:00:00Z')]);
    // Due at the end of 10 March in New York, after the clocks went forward on the 8th.
    const endOfTenth = at('2026-03-11T03:59:00Z');
    expect(plannedAt(endOfTenth, 7, '2026-03-02T12:00:00Z', 'America/New_York')).toEqual([at('2026-03-03T05:00:00Z')]);
    expect(plannedAt(endOfTenth, 1, '2026-03-08T12:00:00Z', 'America/New_York')).toEqual([at('2026-03-09T04:00:00Z')]);
    // The same moment is already 11 March in Kiritimati (UTC+14): the day before starts at 10:00 UTC on the 9th.
    expect(plannedAt(endOfTenth, 1, '2026-03-09T00:00:00Z', 'Pacific/Kiritimati')).toEqual([
      at('2026-03-09T10:00:00Z'),
    ]);
  });

  it('drops offsets more than a day late: no "30 days left" for something due in ten days', () => {
    const keys = (now: string) => offsetReminders(due, [30, 14, 7, 1], at(now), 'UTC').map((r) => r.offsetKey);
    expect(keys('2026-03-21T17:00:00Z')).toEqual([]);
    // Twelve hours late is still on time enough.
    expect(keys('2026-03-17T12:00:00Z')).toEqual(['D14@2026-03-31']);
    expect(keys('2026-03-30T23:00:00Z')).toEqual(['D1@2026-03-31']);
    expect(keys('2026-03-31T16:00:00Z')).toEqual([]);
  });

  it('reads only the due dates with a reminder to plan, spans of the same offsets merged', () => {
    const now = at('2026-03-01T12:00:00Z');
    const day = (n: number, hours = 0) => new Date(now.getTime() + n * 86_400_000 + hours * 3_600_000);
    const spans = spansWithOffsetReminders([30, 14, 7, 1, 7, 2], now);
    expect(spans).toEqual([
      // 1 and 2: from now (a due date must still be ahead) to four days out and a change of the clocks.
      { from: now, to: day(4, 2) },
      { from: new Date(day(6, -2).getTime() - 1), to: day(9, 2) },
      { from: new Date(day(13, -2).getTime() - 1), to: day(16, 2) },
      { from: new Date(day(29, -2).getTime() - 1), to: day(32, 2) },
    ]);
    // Every due date some offset plans now lies in a span, wherever the recipient is (the
    // clocks go forward in New York on 8 March, back in Lord Howe on 5 April).
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe']) {
      for (let hours = 1; hours < 40 * 24; hours++) {
        const target = day(0, hours);
        const inSpan = spans.some((s) => target > s.from && target <= s.to);
        if (offsetReminders(target, [30, 14, 7, 1, 2], now, zone).length > 0)
          expect({ zone, target, inSpan }).toEqual({ zone, target, inSpan: true });
      }
    }
  });

  it('uses the defaults for missing or senseless offsets and sorts the rest', () => {
    expect(normaliseOffsets(null)).toEqual([30, 14, 7, 1]);
    expect(normaliseOffsets([])).toEqual([30, 14, 7, 1]);
    expect(normaliseOffsets([3, 10, 3, -1, 0, 2.5])).toEqual([10, 3]);
  });

  it('repeats the overdue reminder weekly from the due date and stops at the limit', () => {
    const now = (iso: string) => currentOverdueReminder(due, at(iso), 3);
    expect(now('2026-03-31T16:59:59Z')).toBeNull();
    expect(now('2026-03-31T17:00:00Z')).toEqual({
      offsetKey: 'OVERDUE-1@2026-03-31',
      plannedAt: at('2026-03-31T17:00:00Z'),
      number: 1,
    });
    expect(now('2026-04-07T16:59:00Z')?.number).toBe(1);
    expect(now('2026-04-07T17:00:00Z')?.offsetKey).toBe('OVERDUE-2@2026-03-31');
    expect(now('2026-04-20T00:00:00Z')?.number).toBe(3);
    expect(now('2026-04-21T17:00:00Z')).toBeNull();
    expect(currentOverdueReminder(due, at('2026-04-01T00:00:00Z'), 0)).toBeNull();
    expect('OVERDUE-9@2026-03-31').toHaveLength(20);
    expect(escalationKey(due)).toBe('ESCALATE@2026-03-31');
  });

  it('names ISO weeks, including the ones that straddle a new year', () => {
    expect(isoWeek(at('2026-01-15T12:00:00Z'))).toEqual({ key: '2026-W03', start: at('2026-01-12T00:00:00Z') });
    expect(isoWeek(at('2026-12-31T12:00:00Z')).key).toBe('2026-W53');
    expect(isoWeek(at('2027-01-03T23:00:00Z'))).toEqual({ key: '2026-W53', start: at('2026-12-28T00:00:00Z') });
    expect(isoWeek(at('2027-01-04T00:00:00Z')).key).toBe('2027-W01');
    expect(isoWeek(at('2024-12-30T08:00:00Z')).key).toBe('2025-W01');
  });

  it("gives the digest of the week of the recipient's calendar, none on its Sunday", () => {
    // Monday 00:05 UTC: Monday morning in Tokyo, still Sunday afternoon in Los Angeles.
    const mondayRun = at('2026-01-12T00:05:00Z');
    expect(digestWeek(mondayRun, 'Asia/Tokyo')).toEqual({ key: '2026-W03', start: at('2026-01-12T00:00:00Z') });
    expect(digestWeek(mondayRun, 'UTC')?.key).toBe('2026-W03');
    expect(digestWeek(mondayRun, 'America/Los_Angeles')).toBeNull();
    // Monday has begun in Kiritimati (UTC+14) at 10:00 UTC on Sunday, in Auckland (UTC+13) at 11:00.
    expect(digestWeek(at('2026-01-11T09:59:00Z'), 'Pacific/Kiritimati')).toBeNull();
    expect(digestWeek(at('2026-01-11T10:00:00Z'), 'Pacific/Kiritimati')?.key).toBe('2026-W03');
    expect(digestWeek(at('2026-01-11T11:00:00Z'), 'Pacific/Auckland')?.key).toBe('2026-W03');
    // A new year's first week begins on Monday 4 January 2027 in Paris while it is Sunday in UTC.
    expect(digestWeek(at('2027-01-03T23:00:00Z'), 'Europe/Paris')?.key).toBe('2027-W01');
    expect(digestWeek(at('2027-01-03T23:00:00Z'), 'UTC')).toBeNull();
    // A manager who first appears on Wednesday gets this week's digest.
    expect(digestWeek(at('2026-01-14T20:00:00Z'), 'America/Los_Angeles')?.key).toBe('2026-W03');
  });
});
