import { type PipeTransform } from '@nestjs/common';
import { Field, ID, type FieldOptions } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BadInputError } from '@lp/core';

const MAX_ID = 4_294_967_295;

function toId(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{1,10}$/.test(value)) return Number(value);
  return value;
}

/** An `ID` input field holding a positive database id; anything else is BAD_USER_INPUT naming the field. */
export function IdField(options: FieldOptions = {}): PropertyDecorator {
  return (target, property) => {
    Field(() => ID, options)(target, property);
    Transform(({ value }) => toId(value))(target, property);
    IsInt({ message: `${String(property)} must be an id` })(target, property);
    Min(1, { message: `${String(property)} must be an id` })(target, property);
    Max(MAX_ID, { message: `${String(property)} must be an id` })(target, property);
  };
}

/** The same for a list of ids. */
export function IdListField(options: FieldOptions = {}): PropertyDecorator {
  return (target, property) => {
    Field(() => [ID], options)(target, property);
    Transform(({ value }) => (Array.isArray(value) ? value.map(toId) : value))(target, property);
    IsInt({ each: true, message: `${String(property)} must be a list of ids` })(target, property);
    Min(1, { each: true, message: `${String(property)} must be a list of ids` })(target, property);
    Max(MAX_ID, { each: true, message: `${String(property)} must be a list of ids` })(target, property);
  };
}

/** For `@Args('id', { type: () => ID }, new ParseIdPipe('id'))`. */
export class ParseIdPipe implements PipeTransform<unknown, number> {
  constructor(private readonly field: string) {}

  transform(value: unknown): number {
    const id = toId(value);
    if (typeof id !== 'number' || id < 1 || id > MAX_ID)
      throw new BadInputError(`${this.field} must be an id`, this.field);
    return id;
  }
}
