import { Transform } from 'class-transformer';

/** Accepts "true"/"false"/"1"/"0" and leaves anything else for the validator to reject. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const normalised = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalised)) return true;
    if (['false', '0', 'no'].includes(normalised)) return false;
    return value;
  });
}

export function ToInteger(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) return value;
    return Number.parseInt(value, 10);
  });
}
