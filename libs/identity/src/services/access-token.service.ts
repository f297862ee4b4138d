import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Clock, UnauthenticatedError } from '@lp/core';
import { IdentityConfig } from '../identity.config';

const ISSUER = 'lp-academy';
const AUDIENCE = 'lp-academy-api';

interface AccessTokenClaims {
  sub: string;
  /** The employee's token version at issue; tokens from before it existed have none (0). */
  ver?: number;
}

/** Whom a valid token was issued to, and under which of their token versions. */
export interface TokenHolder {
  employeeId: number;
  tokenVersion: number;
}

/** HS256 access tokens with issuer, audience and expiry checked; any other algorithm is refused. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(
    appConfig: AppConfig,
    private readonly config: IdentityConfig,
    private readonly clock: Clock,
  ) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
    // public key on every verify and only falls back after the exception — an eighth of the
    // API's CPU under the dashboard benchmark (bench/README.md).
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(appConfig.JWT_SECRET)) });
  }

  issue({ employeeId, tokenVersion }: TokenHolder): { accessToken: string; expiresAt: Date } {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const ttlSeconds = this.config.ACCESS_TOKEN_TTL_MINUTES * 60;
    const accessToken = this.jwt.sign(
      { sub: String(employeeId), ver: tokenVersion, iat: issuedAt, exp: issuedAt + ttlSeconds },
      { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE },
    );
    return { accessToken, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  /** Whom the token was issued to; UNAUTHENTICATED for anything forged, expired or malformed. */
  verify(token: string): TokenHolder {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      const employeeId = Number(claims.sub);
      if (!Number.isSafeInteger(employeeId) || employeeId <= 0) throw new Error('bad subject');
      const tokenVersion = claims.ver ?? 0;
      if (!Number.isSafeInteger(tokenVersion) || tokenVersion < 0) throw new Error('bad version');
      return { employeeId, tokenVersion };
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired; sign in again');
    }
  }
}
