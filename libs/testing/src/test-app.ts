import type { INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, HttpConfig, ManualClock, readConfig, WebConfig } from '@lp/core';
import { AccessTokenService } from '@lp/identity';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureHttp } from '../../../apps/api/src/http/configure-http';
import { RedisThrottlerStorage } from '../../../apps/api/src/modules/identity/throttling/redis-throttler.storage';
import { truncateAll } from './database-cleaner';
import { overrideEnvironment, prepareTestEnvironment } from './test-environment';

export interface TestApp {
  app: INestApplication;
  clock: ManualClock;
  dataSource: DataSource;
  /** A valid access token for an employee (of token version 0 unless told), without the cost of a password login. */
  tokenFor(employee: { id: number; tokenVersion?: number }): string;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Variables for this app only (e.g. SMTP_URL of an SmtpCapture, a lower LOGIN_IP_LIMIT). */
  env?: Record<string, string | undefined>;
  /** Test-only modules added to the API, e.g. a resolver that is slow on purpose. */
  imports?: Type[];
}

/**
 * Boots the real API module on this worker's test database, with a clock the test controls.
 * `reset()` empties the database and forgets sign-in throttling counts.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  await prepareTestEnvironment();
  const restoreEnvironment = overrideEnvironment(options.env ?? {});
  const clock = new ManualClock(new Date());
  const moduleRef = await Test.createTestingModule({
    // As createApi decides it, so a suite run as production sees what production serves.
    imports: [AppModule.forRoot({ graphiql: !readConfig(AppConfig).isProduction }), ...(options.imports ?? [])],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttp(app, app.get(HttpConfig), app.get(WebConfig));
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const dataSource = app.get(DataSource);
  const tokens = app.get(AccessTokenService);
  const throttle = app.get(RedisThrottlerStorage);
  // A suite may point the app at a Redis that is down on purpose; sign-in counts then do not exist.
  const forgetThrottles = () => throttle.forgetAll().catch(() => undefined);
  await forgetThrottles();
  return {
    app,
    clock,
    dataSource,
    tokenFor: (employee) =>
      tokens.issue({ employeeId: employee.id, tokenVersion: employee.tokenVersion ?? 0 }).accessToken,
    reset: async () => {
      await truncateAll(dataSource);
      await forgetThrottles();
    },
    close: async () => {
      await app.close();
      restoreEnvironment();
    },
  };
}
