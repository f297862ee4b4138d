import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { truncateAll } from './database-cleaner';
import { prepareTestEnvironment } from './test-environment';

export interface DatabaseSuite {
  /** Set once the suite's beforeAll has run. */
  dataSource: DataSource;
}

/**
 * Registers the hooks of a suite that works on this worker's migrated database directly,
 * without an app: a DataSource of its own (3 connections unless `poolSize` says more), the
 * tables emptied before the first test and after the last. Call it at the top of a
 * `describe`; the suite's own hooks run after these.
 */
export function useTestDatabase(options: { poolSize?: number } = {}): DatabaseSuite {
  const suite = {} as DatabaseSuite;

  beforeAll(async () => {
    const { databaseUrl } = await prepareTestEnvironment();
    suite.dataSource = await new DataSource(
      buildDataSourceOptions({ url: databaseUrl, poolSize: options.poolSize ?? 3 }, lpSchema),
    ).initialize();
    await truncateAll(suite.dataSource);
  });

  afterAll(async () => {
    await truncateAll(suite.dataSource);
    await suite.dataSource.destroy();
  });

  return suite;
}
