import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadInputError } from '@lp/core';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const [error] = errors;
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) return { field, message: Object.values(error.constraints)[0] };
  return firstProblem(error.children ?? [], field);
}

/** Validates every GraphQL input class; the first problem becomes BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    // Only the first problem is reported; and a list over its size limit is refused without
    // validating each of its (say 10,000) entries, which took over a second.
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstProblem(errors);
      return new BadInputError(message.startsWith(field) ? message : `${field}: ${message}`, field);
    },
  });
}
