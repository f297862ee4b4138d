import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { checkHealthPublicly, RedisHealthIndicator } from '@lp/core';
import { Public } from '../modules/identity/public.decorator';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return checkHealthPublicly(this.health, [
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redis.check(),
    ]);
  }
}
