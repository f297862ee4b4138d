import { IsString, Matches } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { IsServiceUrl } from './service-url';

export class RedisConfig {
  @EnvVar({ description: 'Redis URL; a database index in the path is honoured (redis://host:6379/2)' })
  @IsServiceUrl({
    schemes: ['redis', 'rediss'],
    pattern: /^rediss?:\/\/[^/]+(\/\d{1,2})?$/,
    message: 'must look like redis://host:6379 or redis://host:6379/2',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @EnvVar({ description: 'Prefix of every queue key in Redis, so several installations can share one server' })
  @IsString()
  @Matches(/^[A-Za-z0-9_:-]{1,40}$/, { message: 'must be 1-40 letters, digits, _ : or -' })
  QUEUE_PREFIX = 'lp';
}
