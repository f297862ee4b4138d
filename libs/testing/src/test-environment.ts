import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ensureDatabaseExists, setEnvironment, withDatabase } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';

export interface TestEnvironment {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
}

let prepared: Promise<TestEnvironment> | undefined;

/**
 * Points this Jest worker at its own database and Redis prefix (named after the run and
 * the worker), creates the database and applies the real migrations. Idempotent: later
 * test files in the same worker find nothing pending.
 */
export function prepareTestEnvironment(): Promise<TestEnvironment> {
  prepared ??= (async () => {
    const run = process.env.LP_TEST_RUN ?? `local${process.pid}`;
    const worker = process.env.JEST_WORKER_ID ?? '0';
    const name = `lp_test_${run}_${worker}`;
    const databaseUrl = withDatabase(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/lp_test', name);
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const environment = { databaseUrl, redisUrl, queuePrefix: name };
    setEnvironment({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: name,
      DEMO_DATA: 'false',
      // Suites send hundreds of requests a minute from one address; the rate-limit suite lowers these.
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_ACCOUNT: '100000000',
      RATE_LIMIT_PDF_PER_ACCOUNT: '100000000',
      LOG_LEVEL: 'silent',
      SMTP_URL: undefined,
      MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'lp-outbox-')),
    });
    await ensureDatabaseExists(databaseUrl);
    const dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl, poolSize: 1 }, lpSchema));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return environment;
  })();
  return prepared;
}

/** Sets variables for one test app; the returned function puts the previous values back. */
export function overrideEnvironment(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  setEnvironment(values);
  return () => setEnvironment(previous);
}
