import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@lp/core';
import { AccessTokenService, type Actor, ActorLoader } from '@lp/identity';
import type { Role } from '@lp/organisation';
import { BEARER_TOKEN_HINT, bearerToken, SESSION_ENDED } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';
import { requestOf } from './request-of';
import { ALLOWED_ROLES } from './roles.decorator';

/**
 * The one gate in front of every resolver and controller: a valid bearer token of an
 * active employee, then the operation's @Roles. Public operations pass without a token.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  /** Root fields of one request are guarded in parallel: they share one lookup of the actor. */
  private readonly lookups = new WeakMap<object, Promise<Actor | null>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = requestOf(context);
    if (!request.actor) {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new UnauthenticatedError(BEARER_TOKEN_HINT);
      const actor = await this.lookupOnce(request, token);
      if (!actor) throw new UnauthenticatedError(SESSION_ENDED);
      request.actor = actor;
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !request.actor.hasRole(...roles)) throw new ForbiddenError();
    return true;
  }

  private lookupOnce(request: object, token: string): Promise<Actor | null> {
    let lookup = this.lookups.get(request);
    if (!lookup) {
      lookup = this.actors.load(this.tokens.verify(token));
      this.lookups.set(request, lookup);
    }
    return lookup;
  }
}
