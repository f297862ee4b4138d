import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@lp/core';
import { AccessTokenService, ActorLoader } from '@lp/identity';
import { Role } from '@lp/organisation';
import { BEARER_TOKEN_HINT, bearerToken, SESSION_ENDED } from '../identity/bearer-token';

/**
 * The global AuthenticationGuard covers Nest routes only, not an Express router mounted
 * as middleware, so the queue dashboard gets the same check here: a bearer token of an
 * active employee (401 otherwise) who is an ADMIN (403 otherwise).
 */
@Injectable()
export class AdminOnlyMiddleware implements NestMiddleware {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly actors: ActorLoader,
  ) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedError(BEARER_TOKEN_HINT);
    const actor = await this.actors.load(this.tokens.verify(token));
    if (!actor) throw new UnauthenticatedError(SESSION_ENDED);
    if (!actor.hasRole(Role.ADMIN)) throw new ForbiddenError('The queue dashboard is for administrators');
    next();
  }
}
