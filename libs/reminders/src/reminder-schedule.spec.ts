import { currentOverdueReminder, escalationKey, isoWeek, normaliseOffsets, offsetReminders } from './reminder-schedule';

const at = (iso: string) => new Date(iso);

describe('the reminder schedule', () => {
  const due = at('2026-03-31T17:00:00Z');

  it('plans every offset ahead of a distant due date, keyed by offset and date', () => {
    expect(offsetReminders(due, [30, 14, 7, 1], at('2026-02-01T00:00:00Z'))).toEqual([
      { offsetKey: 'D30@2026-03-31', plannedAt: at('2026-03-01T17:00:00Z'), days: 30, last: false },
      { offsetKey: 'D14@2026-03-31', plannedAt: at('2026-03-17T17:00:00Z'), days: 14, last: false },
      { offsetKey: 'D7@2026-03-31', plannedAt: at('2026-03-24T17:00:00Z'), days: 7, last: false },
      { offsetKey: 'D1@2026-03-31', plannedAt: at('2026-03-30T17:00:00Z'), days: 1, last: true },
    ]);
  });

  it('drops offsets more than a day late: no "30 days left" for something due in ten days', () => {
    const keys = (now: string) => offsetReminders(due, [30, 14, 7, 1], at(now)).map((r) => r.offsetKey);
    expect(keys('2026-03-21T17:00:00Z')).toEqual(['D7@2026-03-31', 'D1@2026-03-31']);
    // Twelve hours late is still on time enough.
    expect(keys('2026-03-18T05:00:00Z')).toEqual(['D14@2026-03-31', 'D7@2026-03-31', 'D1@2026-03-31']);
    expect(keys('2026-03-31T16:00:00Z')).toEqual(['D1@2026-03-31']);
    expect(keys('2026-03-31T17:00:00Z')).toEqual([]);
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
});
