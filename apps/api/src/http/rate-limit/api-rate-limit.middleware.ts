import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HttpConfig, TooManyRequestsError } from '@lp/core';
import { AccessTokenService, type TokenHolder } from '@lp/identity';
import { bearerToken } from '../../modules/identity/bearer-token';
import { RedisThrottlerStorage } from '../../modules/identity/throttling/redis-throttler.storage';

/**
 * The API-wide limits: every request counts once against its client address and, when it
 * carries a valid access token, against that account, whatever address it comes from. An
 * account's count is per token version: a token signed out by a new password or by leaving
 * is refused by the guard, and whoever kept one must not spend its owner's requests. A
 * middleware rather than a ThrottlerGuard because a guard runs once per root field of a
 * GraphQL operation, and only after the operation was parsed; this refuses the request
 * before anything of it runs. The counters are @nestjs/throttler's storage in Redis,
 * shared by every API process, and let requests through while Redis is down.
 */
@Injectable()
export class ApiRateLimitMiddleware implements NestMiddleware {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    private readonly tokens: AccessTokenService,
    private readonly config: HttpConfig,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const account = this.accountOf(request);
    const retryAfterSeconds = await this.storage.refusal(
      [
        { key: `api:address:${request.ip}`, limit: this.config.RATE_LIMIT_PER_ADDRESS },
        ...(account === undefined
          ? []
          : [
              {
                key: `api:account:${account.employeeId}:v${account.tokenVersion}`,
                limit: this.config.RATE_LIMIT_PER_ACCOUNT,
              },
            ]),
      ],
      this.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    );
    if (retryAfterSeconds === 0) return next();

    const error = new TooManyRequestsError(retryAfterSeconds, 'requests from this address or account');
    response.setHeader('Retry-After', String(retryAfterSeconds));
    if (!request.originalUrl.startsWith('/graphql')) throw error;
    // A GraphQL client reads errors from the body, as from any other refusal.
    response
      .status(429)
      .json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
  }

  /** The account a valid token names; a forged or expired one counts against the address only. */
  private accountOf(request: Request): TokenHolder | undefined {
    const token = bearerToken(request.headers.authorization);
    if (!token) return undefined;
    try {
      return this.tokens.verify(token);
    } catch {
      return undefined;
    }
  }
}
