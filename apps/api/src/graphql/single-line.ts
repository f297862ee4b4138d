import { ValidateBy } from 'class-validator';
import { hasControlCharacters } from '@lp/core';

/**
 * A name or title: one line without control characters, as the employee import requires
 * of names. A NUL or a line break pasted in would otherwise reach lists, CSV exports,
 * certificates and email subjects.
 */
export function SingleLine(): PropertyDecorator {
  return ValidateBy({
    name: 'singleLine',
    validator: {
      validate: (value) => typeof value !== 'string' || !hasControlCharacters(value),
      defaultMessage: (args) => `${args?.property} must be one line, without tabs or other control characters`,
    },
  });
}
