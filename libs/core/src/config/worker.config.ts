import { IsInt, Max, Min } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { ToInteger } from './transformers';

export class WorkerConfig {
  @EnvVar({ description: 'HTTP port of the worker health endpoint' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_PORT = 3001;

  @EnvVar({ description: 'Jobs one worker process runs at once per queue' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 5;
}
