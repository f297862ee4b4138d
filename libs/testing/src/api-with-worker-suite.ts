import { ReminderPlanningProcessor } from '../../../apps/worker/src/processors/reminder-planning.processor';
import { deleteQueueKeys } from './queue-cleaner';
import { SmtpCapture } from './smtp-capture';
import { createTestApp, type TestApp } from './test-app';
import { createTestWorker, type TestWorker } from './test-worker';

export interface ApiWithWorkerSuite {
  smtp: SmtpCapture;
  /** The API; set once the suite's beforeAll has run. */
  t: TestApp;
  /** The real worker, on the API's clock; set once the suite's beforeAll has run. */
  worker: TestWorker;
}

/**
 * Registers the hooks of a suite that drives the API and the real worker together, on one
 * clock and an in-process SMTP server. The worker's scheduled planning is paused: the tests
 * run it themselves at the clock's moments. Before each test: an empty database, empty
 * queues (delivery jobs are named after notification ids, which an emptied database gives
 * out again) and no captured mail. Call it at the top of a `describe`; the suite's own hooks
 * run after these.
 */
export function useApiWithWorker(): ApiWithWorkerSuite {
  const suite = { smtp: new SmtpCapture() } as ApiWithWorkerSuite;

  beforeAll(async () => {
    await suite.smtp.start();
    suite.t = await createTestApp();
    suite.worker = await createTestWorker({ clock: suite.t.clock, smtpUrl: suite.smtp.url });
    await suite.worker.app.get(ReminderPlanningProcessor).worker.pause();
  });

  afterAll(async () => {
    await suite.worker?.close();
    await suite.t?.close();
    await suite.smtp.stop();
  });

  beforeEach(async () => {
    await suite.t.reset();
    await deleteQueueKeys();
    suite.smtp.clear();
  });

  return suite;
}
