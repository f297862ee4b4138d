import { Kind } from 'graphql';
import { DateTimeScalar } from './date-time.scalar';

describe('DateTimeScalar', () => {
  it.each([
    ['2026-12-31T17:00:00Z', '2026-12-31T17:00:00.000Z'],
    ['2026-12-31T18:00:00+01:00', '2026-12-31T17:00:00.000Z'],
    ['2026-12-31t17:00:00.123456z', '2026-12-31T17:00:00.123Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['1000-01-01T00:00:00Z', '1000-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(DateTimeScalar.parseValue(text).toISOString()).toBe(instant);
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: text }).toISOString()).toBe(instant);
  });

  it.each([
    ['yesterday', /with its offset/],
    ['', /with its offset/],
    ['2026-01-01', /with its offset/],
    ['2026-01-01T10:00:00', /with its offset/],
    [1_700_000_000_000, /with its offset/],
    ['+010000-01-01T00:00:00Z', /with its offset/],
    ['2026-02-30T00:00:00Z', /not on the calendar/],
    ['2027-02-29T00:00:00Z', /not on the calendar/],
    ['2026-13-01T00:00:00Z', /not on the calendar/],
    ['2026-01-01T24:00:00Z', /not on the calendar/],
    ['2026-01-01T10:00:00+99:00', /not on the calendar/],
    ['2026-01-01T10:00:00+01:60', /not on the calendar/],
    ['0999-12-31T23:59:59Z', /between the years 1000 and 9999/],
    ['1000-01-01T00:30:00+01:00', /between the years 1000 and 9999/],
  ])('refuses %p', (value, message) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow(message);
  });

  it('refuses a literal that is not a string', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(/with its offset/);
  });

  it('writes instants in UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-12-31T18:00:00+01:00'))).toBe('2026-12-31T17:00:00.000Z');
  });
});
