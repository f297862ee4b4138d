import { Transform } from 'class-transformer';

/** Trims surrounding white space before validation, so "  " counts as empty. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}
