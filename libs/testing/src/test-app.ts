import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, ManualClock } from '@lp/core';
import { AccessTokenService } from '@lp/identity';
import { AppModule } from '../../../apps/api/src/app.module';
import { truncateAll } from './database-cleaner';
import { prepareTestEnvironment } from './test-environment';

export interface TestApp {
  app: INestApplication;
  clock: ManualClock;
  dataSource: DataSource;
  /** A valid access token for an employee, without the cost of a password login. */
  tokenFor(employee: { id: number }): string;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Boots the real API module on this worker's test database, with a clock the test controls. */
export async function createTestApp(): Promise<TestApp> {
  await prepareTestEnvironment();
  const clock = new ManualClock(new Date());
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ graphiql: true })] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const dataSource = app.get(DataSource);
  const tokens = app.get(AccessTokenService);
  return {
    app,
    clock,
    dataSource,
    tokenFor: (employee) => tokens.issue(employee.id).accessToken,
    reset: () => truncateAll(dataSource),
    close: () => app.close(),
  };
}
