import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, type ManualClock, setEnvironment } from '@lp/core';
import { DELIVERY_RETRY_POLICY, type DeliveryRetryPolicy } from '@lp/notifications';
import { MailProcessor } from '../../../apps/worker/src/processors/mail.processor';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { prepareTestEnvironment } from './test-environment';

export interface TestWorkerOptions {
  /** Shared by every worker of a test, so they agree on "now". */
  clock: ManualClock;
  /** The SMTP server to send to, e.g. an SmtpCapture's url. */
  smtpUrl: string;
  /** Delivery attempts and backoff; tests use a few quick ones instead of minutes of backoff. */
  retry?: DeliveryRetryPolicy;
}

export const QUICK_RETRY: DeliveryRetryPolicy = { attempts: 3, backoff: { type: 'exponential', delay: 200 } };

export interface TestWorker {
  app: INestApplication;
  /** The BullMQ worker of the mail queue, to pause it or stop it abruptly. */
  mailWorker: MailProcessor['worker'];
  close(): Promise<void>;
}

/**
 * Boots the real worker module (processors, sweep, SMTP) on this Jest worker's database and
 * Redis prefix, with the test's clock and SMTP server.
 */
export async function createTestWorker(options: TestWorkerOptions): Promise<TestWorker> {
  await prepareTestEnvironment();
  setEnvironment({ SMTP_URL: options.smtpUrl });
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot()] })
    .overrideProvider(Clock)
    .useValue(options.clock)
    .overrideProvider(DELIVERY_RETRY_POLICY)
    .useValue(options.retry ?? QUICK_RETRY)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return { app, mailWorker: app.get(MailProcessor).worker, close: () => app.close() };
}
