import {
  currentOverdueReminder,
  escalationKey,
  isoWeek,
  normaliseOffsets,
  offsetReminders,
  spansWithOffsetReminders,
  weeklyDigestMoment,
} from './reminder-schedule';

const at = (iso: string) => new Date(iso);

describe('the reminder schedule', () => {
  const due = at('2026-03-31T17:00:00Z');

  it('plans each offset from a day before its moment, keyed by offset and date', () => {
    const keys = (now: string) => offsetReminders(due, [30, 14, 7, 1], at(now)).map((r) => r.offsetKey);
    expect(keys('2026-02-01T00:00:00Z')).toEqual([]);
    expect(keys('2026-02-28T16:59:59Z')).toEqual([]);
    expect(offsetReminders(due, [30, 14, 7, 1], at('2026-02-28T17:00:00Z'))).toEqual([
      { offsetKey: 'D30@2026-03-31', plannedAt: at('2026-03-01T17:00:00Z'), days: 30, last: false },
    ]);
    expect(keys('2026-03-30T09:00:00Z')).toEqual(['D1@2026-03-31']);
    expect(offsetReminders(due, [30, 14, 7, 1], at('2026-03-30T09:00:00Z'))[0].last).toBe(true);
  });

  it('drops offsets more than a day late: no "30 days left" for something due in ten days', () => {
    const keys = (now: string) => offsetReminders(due, [30, 14, 7, 1], at(now)).map((r) => r.offsetKey);
    expect(keys('2026-03-21T17:00:00Z')).toEqual([]);
    // Twelve hours late is still on time enough.
    expect(keys('2026-03-18T05:00:00Z')).toEqual(['D14@2026-03-31']);
    expect(keys('2026-03-31T16:00:00Z')).toEqual(['D1@2026-03-31']);
    expect(keys('2026-03-31T17:00:00Z')).toEqual([]);
  });

  it('reads only the due dates with a reminder to plan, spans of the same offsets merged', () => {
    const now = at('2026-03-01T12:00:00Z');
    const day = (n: number, hours = 0) => new Date(now.getTime() + n * 86_400_000 + hours * 3_600_000);
    const spans = spansWithOffsetReminders([30, 14, 7, 1, 7, 2], now);
    expect(spans).toEqual([
      // 1 and 2: from now (a due date must still be ahead) to three days out.
      { from: now, to: day(3) },
      { from: new Date(day(6).getTime() - 1), to: day(8) },
      { from: new Date(day(13).getTime() - 1), to: day(15) },
      { from: new Date(day(29).getTime() - 1), to: day(31) },
    ]);
    // Every due date some offset plans now lies in a span.
    for (let hours = 1; hours < 40 * 24; hours++) {
      const target = day(0, hours);
      const inSpan = spans.some((s) => target > s.from && target <= s.to);
      if (offsetReminders(target, [30, 14, 7, 1, 2], now).length > 0)
        expect({ target, inSpan }).toEqual({ target, inSpan: true });
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

  it("lets a week's digest go from Monday 00:00 in the recipient's zone, or now once that has passed", () => {
    // The week's first run, Monday 00:05 UTC: still Sunday afternoon in Los Angeles.
    const firstRun = at('2026-01-12T00:05:00Z');
    const week = isoWeek(firstRun);
    expect(weeklyDigestMoment(week, 'America/Los_Angeles', firstRun)).toEqual(at('2026-01-12T08:00:00Z'));
    expect(weeklyDigestMoment(week, 'UTC', firstRun)).toEqual(firstRun);
    expect(weeklyDigestMoment(week, 'Asia/Tokyo', firstRun)).toEqual(firstRun);
    // A manager who first appears on Wednesday gets this week's digest now.
    const wednesday = at('2026-01-14T20:00:00Z');
    expect(weeklyDigestMoment(isoWeek(wednesday), 'America/Los_Angeles', wednesday)).toEqual(wednesday);
  });
});
