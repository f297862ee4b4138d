import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@lp/identity';
import { UnauthenticatedError } from '@lp/core';
import { requestOf } from './request-of';

/** The signed-in person; only on operations that are not @Public. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw new UnauthenticatedError();
  return actor;
});
