import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';

/**
 * An input field the client may leave out or send as null, both meaning "not given" (no
 * filter, the default), so services only ever see a value or undefined. Update inputs
 * whose null would mean "clear this required field" use Omittable instead.
 */
export function OptionalInput(): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }) => (value === null ? undefined : value))(target, property);
    IsOptional()(target, property);
  };
}
