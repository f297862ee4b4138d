import { IsInt, Max, Min } from 'class-validator';
import { EnvVar, ToInteger } from '@lp/core';

export class SnapshotsConfig {
  @EnvVar({
    description:
      "Milliseconds a store's snapshot recompute waits so that the events of a burst share it (one recompute per store per window)",
  })
  @ToInteger()
  @IsInt()
  @Min(50)
  @Max(300_000)
  SNAPSHOT_COALESCE_MS = 5000;

  @EnvVar({
    description:
      'Milliseconds a request waits for Redis to take a snapshot recompute before giving up (the nightly close catches up)',
  })
  @ToInteger()
  @IsInt()
  @Min(50)
  @Max(10_000)
  SNAPSHOT_ENQUEUE_TIMEOUT_MS = 1000;
}
