import { IsBoolean, IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { ToBoolean, ToInteger } from './transformers';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/** Development-only secret; the API refuses to start in production while it is in use. */
export const DEFAULT_JWT_SECRET = 'lp-academy-development-secret-change-me';

export class AppConfig {
  @EnvVar({ description: 'development, test or production' })
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  @EnvVar({ description: 'HTTP port of the API' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @EnvVar({ description: 'Public address of the app, used in links inside emails' })
  @IsUrl({ require_tld: false, require_protocol: true })
  APP_URL = 'http://localhost:3000';

  @EnvVar({ description: 'Secret that signs access tokens (at least 32 characters)', secret: true })
  @IsString()
  @MinLength(32)
  JWT_SECRET = DEFAULT_JWT_SECRET;

  @EnvVar({ description: 'Load the demo chain into an empty database on start (never in production)' })
  @ToBoolean()
  @IsBoolean()
  DEMO_DATA = true;

  @EnvVar({ description: 'Log level: fatal, error, warn, info, debug, trace or silent' })
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development';
  }
}
