import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { ToInteger } from './transformers';

export class HttpConfig {
  @EnvVar({
    description:
      'Largest request body the API accepts, in MB; an employee CSV import needs about 1 MB per 10,000 lines',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(64)
  REQUEST_BODY_LIMIT_MB = 5;

  @EnvVar({
    description:
      'Reverse proxies in front of the API whose X-Forwarded-For is believed (0: none), so per-address sign-in throttling sees the client, not the proxy',
  })
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @EnvVar({
    description:
      'Browser origins allowed to call the API, comma-separated (e.g. https://lp.example.com); empty: same origin only',
  })
  @IsString()
  @Matches(/^$|^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, {
    message: 'must be empty or comma-separated http(s) origins',
  })
  CORS_ORIGINS = '';

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS ? this.CORS_ORIGINS.split(',') : [];
  }
}
