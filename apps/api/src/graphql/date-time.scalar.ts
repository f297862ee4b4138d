import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { daysInMonth } from '@lp/core';

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** What a DATETIME column holds (MySQL's documented range). */
const EARLIEST = Date.UTC(1000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const FORMAT = 'DateTime must be a date and time with its offset, e.g. 2026-12-31T17:00:00Z';

function parseDateTime(value: unknown): Date {
  const parts = typeof value === 'string' ? RFC_3339.exec(value) : null;
  if (!parts) throw new GraphQLError(FORMAT);
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes] = [parts[8], parts[9]].map((part) => Number(part ?? 0));
  const impossible =
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59;
  if (impossible) throw new GraphQLError(`DateTime ${value as string} is not on the calendar`);
  const instant = new Date(value as string);
  if (!(instant.getTime() >= EARLIEST && instant.getTime() <= LATEST))
    throw new GraphQLError('DateTime must fall between the years 1000 and 9999');
  return instant;
}

/**
 * DateTime as RFC 3339, within what the database stores. Nest's own scalar passes any string
 * to `new Date()`: "2026-02-30" became 2 March, "yesterday" an Invalid Date that reached the
 * database, and a year past 9999 was written as a zero date.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in RFC 3339, e.g. 2026-12-31T17:00:00Z or 2026-12-31T18:00:00+01:00',
  serialize: (value) => {
    if (!(value instanceof Date)) throw new GraphQLError('DateTime cannot represent a value that is not a Date');
    return value.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(FORMAT);
    return parseDateTime(ast.value);
  },
});
