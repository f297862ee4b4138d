import {
  IsInt,
  Max,
  Min,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { EnvVar, ToInteger } from '@lp/core';

@ValidatorConstraint({ name: 'laterThanWindowStart' })
class LaterThanWindowStart implements ValidatorConstraintInterface {
  validate(end: unknown, args: ValidationArguments): boolean {
    const start = (args.object as NotificationsConfig).NOTIFY_WINDOW_START_HOUR;
    // A start that is no hour at all is reported by its own rules, not blamed on the end.
    if (!Number.isInteger(start) || start < 0 || start > 23) return true;
    return typeof end === 'number' && end > start;
  }

  defaultMessage(): string {
    return 'must be later than NOTIFY_WINDOW_START_HOUR';
  }
}

export class NotificationsConfig {
  @EnvVar({ description: "First local hour (0-23) of the store's day in which reminders are emailed" })
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFY_WINDOW_START_HOUR = 9;

  @EnvVar({
    description: 'Local hour (1-24) at which the sending window closes; reminders due later wait for the next day',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24)
  @Validate(LaterThanWindowStart)
  NOTIFY_WINDOW_END_HOUR = 17;

  @EnvVar({ description: 'Seconds between two sweeps that queue the notifications that are due' })
  @ToInteger()
  @IsInt()
  @Min(5)
  @Max(3600)
  NOTIFY_SWEEP_EVERY_SECONDS = 60;

  @EnvVar({ description: 'Notifications read per query by a sweep' })
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(5000)
  NOTIFY_SWEEP_BATCH_SIZE = 500;

  @EnvVar({
    description:
      'Hours a notification stays worth sending after its window opens; older ones are cancelled as stale (planners may set their own limit)',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  NOTIFY_STALE_AFTER_HOURS = 24;

  @EnvVar({
    description:
      'Minutes a worker may hold a notification it is sending before another may take it over (longer than an SMTP timeout)',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  NOTIFY_CLAIM_LEASE_MINUTES = 15;

  @EnvVar({
    description:
      'Minutes before a sweep checks again that a queued notification still has its job (e.g. after Redis lost it)',
  })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  NOTIFY_REQUEUE_AFTER_MINUTES = 5;
}
