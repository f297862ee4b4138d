import { ValidateIf } from 'class-validator';

/**
 * For update inputs: the field may be left out (no change), but an explicit null is
 * validated like any other value and so refused, instead of reaching the service as
 * "clear this required field".
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
