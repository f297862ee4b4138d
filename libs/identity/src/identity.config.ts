import { IsInt, Max, Min } from 'class-validator';
import { EnvVar, ToInteger } from '@lp/core';

export class IdentityConfig {
  @EnvVar({ description: 'Lifetime of an access token in minutes' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  ACCESS_TOKEN_TTL_MINUTES = 60;

  @EnvVar({ description: 'Lifetime of an invite link in hours' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITE_TTL_HOURS = 72;

  @EnvVar({ description: 'Failed sign-ins for one account before it is locked for LOGIN_LOCK_MINUTES' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @EnvVar({ description: 'How long an account stays locked after too many failed sign-ins' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_LOCK_MINUTES = 15;

  @EnvVar({
    description:
      'Sign-in attempts (login and invite acceptance) one address may make per LOGIN_IP_WINDOW_SECONDS; a store behind one address shares it',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_IP_LIMIT = 30;

  @EnvVar({ description: 'Window of LOGIN_IP_LIMIT, and how long an address stays blocked once over it' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_IP_WINDOW_SECONDS = 60;
}
