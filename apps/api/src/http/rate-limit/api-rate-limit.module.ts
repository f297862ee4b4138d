import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { IdentityModule } from '@lp/identity';
import { ThrottlerStorageModule } from '../../modules/identity/throttling/throttler-storage.module';
import { ApiRateLimitMiddleware } from './api-rate-limit.middleware';

/** Rate limits per address and per account on every route but /health (load balancers poll it). */
@Module({ imports: [IdentityModule, ThrottlerStorageModule], providers: [ApiRateLimitMiddleware] })
export class ApiRateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiRateLimitMiddleware).exclude('health').forRoutes('{*path}');
  }
}
