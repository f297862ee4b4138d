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
      'Reverse proxies in front of the API whose X-Forwarded-For is believed (0: none, the header is ignored), so per-address throttling sees the client, not the proxy',
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

  @EnvVar({ description: 'Window of the API-wide rate limits, and how long a client over one stays refused' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @EnvVar({
    description:
      'Requests one client address may make per RATE_LIMIT_WINDOW_SECONDS, signed in or not; a store device shared by its staff behind one address shares it',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT_PER_ADDRESS = 1800;

  @EnvVar({ description: 'Requests one signed-in account may make per RATE_LIMIT_WINDOW_SECONDS, from any address' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT_PER_ACCOUNT = 300;

  @EnvVar({
    description:
      'Certificate PDFs one account may download per RATE_LIMIT_WINDOW_SECONDS: each costs the API tens of milliseconds to draw',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT_PDF_PER_ACCOUNT = 20;
}
