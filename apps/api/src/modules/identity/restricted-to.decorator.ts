import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError } from '@lp/core';
import type { Actor } from '@lp/identity';
import type { Role } from '@lp/organisation';
import { requestOf } from './request-of';

/**
 * @Roles for a field: guards do not run on field resolvers, so a field that only some roles
 * may read takes the actor through this decorator, which refuses everyone else (FORBIDDEN)
 * before the field's resolver runs.
 */
const actorInRoles = createParamDecorator((roles: Role[], context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw new UnauthenticatedError();
  if (!actor.hasRole(...roles)) throw new ForbiddenError(`Only ${roles.join(' or ')} may read this field`);
  return actor;
});

export const RestrictedTo = (...roles: Role[]): ParameterDecorator => actorInRoles(roles);
