import { DataSource } from 'typeorm';
import { ManualClock, setEnvironment } from '@lp/core';
import { truncateAll } from './database-cleaner';
import { deleteQueueKeys } from './queue-cleaner';
import { SmtpCapture } from './smtp-capture';
import { prepareTestEnvironment } from './test-environment';
import { createTestWorker, type TestWorker } from './test-worker';

/** The links in emails point here. */
export const TEST_APP_URL = 'https://academy.example.com';

export interface MailingWorkerSuite {
  smtp: SmtpCapture;
  clock: ManualClock;
  /** Set once the suite's beforeAll has run. */
  worker: TestWorker;
  dataSource: DataSource;
}

/**
 * Registers the hooks of a suite that runs the real worker against an in-process SMTP
 * server: one worker for the suite, and before each test an empty database, empty queues,
 * no captured mail and the clock back at `startAt`. Call it at the top of a `describe`; the
 * suite's own hooks run after these.
 */
export function useMailingWorker(startAt: Date): MailingWorkerSuite {
  const suite = { smtp: new SmtpCapture(), clock: new ManualClock(startAt) } as MailingWorkerSuite;

  beforeAll(async () => {
    await prepareTestEnvironment();
    await suite.smtp.start();
    setEnvironment({ APP_URL: TEST_APP_URL });
    suite.worker = await createTestWorker({ clock: suite.clock, smtpUrl: suite.smtp.url });
    suite.dataSource = suite.worker.app.get(DataSource);
  });

  afterAll(async () => {
    await suite.worker?.close();
    await suite.smtp.stop();
    setEnvironment({ SMTP_URL: undefined, APP_URL: undefined });
  });

  beforeEach(async () => {
    await truncateAll(suite.dataSource);
    await deleteQueueKeys();
    suite.smtp.clear();
    suite.clock.set(startAt);
  });

  return suite;
}
