import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { IsServiceUrl } from './service-url';
import { ToInteger } from './transformers';

export class MailConfig {
  @EnvVar({
    description:
      'SMTP server, smtp://user:pass@host:port (smtps:// for TLS); unset writes .eml files to MAIL_OUTBOX_DIR',
    secret: true,
  })
  @IsOptional()
  @IsServiceUrl({ schemes: ['smtp', 'smtps'], message: 'must look like smtp://user:password@host:587 or smtps://…' })
  SMTP_URL?: string = undefined;

  @EnvVar({ description: 'Sender of every email' })
  @IsString()
  MAIL_FROM = 'LP Academy <no-reply@lp-academy.local>';

  @EnvVar({ description: 'Folder for .eml files when SMTP_URL is unset' })
  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox';

  @EnvVar({
    description: 'Most messages per second sent to the SMTP server, counted across every worker (BullMQ limiter)',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  MAIL_RATE_PER_SECOND = 20;

  @EnvVar({
    description:
      "Seconds to wait for the SMTP server to connect, greet or answer a command; past that the attempt fails and is tried again. An email the API sends inside a request gives up sooner when the request's deadline comes first",
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(600)
  SMTP_TIMEOUT_SECONDS = 60;
}
