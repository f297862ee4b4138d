import { ThrottlerModule } from '@nestjs/throttler';
import { IdentityConfig } from '@lp/identity';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { ThrottlerStorageModule } from './throttler-storage.module';

/** The per-address limit on sign-in; the per-account lock-out lives in @lp/identity's LoginThrottle. */
export const SignInThrottlingModule = ThrottlerModule.forRootAsync({
  imports: [ThrottlerStorageModule],
  inject: [IdentityConfig, RedisThrottlerStorage],
  useFactory: (config: IdentityConfig, storage: RedisThrottlerStorage) => ({
    storage,
    throttlers: [
      {
        // Unnamed, so clients get the standard Retry-After header rather than Retry-After-<name>.
        limit: config.LOGIN_IP_LIMIT,
        ttl: config.LOGIN_IP_WINDOW_SECONDS * 1000,
      },
    ],
  }),
});
