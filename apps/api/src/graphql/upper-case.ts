import { Transform } from 'class-transformer';

const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);

/**
 * Upper-cases a code, or each code of a list, before validation: job-role codes are stored
 * in capitals, so "cashier" names CASHIER wherever a code is taken, as it does in the import.
 */
export function UpperCase(): PropertyDecorator {
  return Transform(({ value }) => (Array.isArray(value) ? value.map(upper) : upper(value)));
}
