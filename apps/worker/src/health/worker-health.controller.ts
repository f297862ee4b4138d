import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { checkHealthPublicly, RedisHealthIndicator } from '@lp/core';

@Controller('health')
export class WorkerHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return checkHealthPublicly(this.health, [
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redis.check(),
    ]);
  }
}
