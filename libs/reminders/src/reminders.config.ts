import { IsInt, Max, Min } from 'class-validator';
import { EnvVar, ToInteger } from '@lp/core';

export class RemindersConfig {
  @EnvVar({ description: 'Minutes between two runs of the planning that turns due dates and expiries into reminders' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  REMINDER_PLANNING_EVERY_MINUTES = 15;

  @EnvVar({ description: 'Assignments or certifications read per query by the reminder planning' })
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(5000)
  REMINDER_PLANNING_BATCH_SIZE = 500;

  /** The offset key `OVERDUE-<n>@<date>` must fit the notifications' 20-character column. */
  @EnvVar({ description: 'Weekly reminders sent about an overdue assignment before they stop (0-9)' })
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(9)
  OVERDUE_REMINDER_LIMIT = 4;

  @EnvVar({ description: "Days an assignment may be overdue before the store's managers are told" })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(365)
  ESCALATE_AFTER_DAYS = 7;
}
