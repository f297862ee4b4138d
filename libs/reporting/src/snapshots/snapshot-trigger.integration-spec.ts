import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AssignmentCompletion } from '@lp/assignments';
import { EmployeeLifecycle, StoreFiguresChanged } from '@lp/organisation';
import { SnapshotTrigger } from './snapshot-trigger';
import { SnapshotsConfig } from './snapshots.config';

describe('SnapshotTrigger with Redis down', () => {
  // A real BullMQ queue whose Redis never answers: nothing listens on port 1. Closing the
  // client would otherwise keep a 2 s timer for the dead socket, and Jest's worker with it.
  const redis = new IORedis({
    host: '127.0.0.1',
    port: 1,
    maxRetriesPerRequest: null,
    retryStrategy: () => 200,
    disconnectTimeout: 0,
  });
  redis.on('error', () => undefined);
  const queue = new Queue('compliance-snapshots', { connection: redis });
  queue.on('error', () => undefined);
  const figuresChanged = new StoreFiguresChanged();
  const config = Object.assign(new SnapshotsConfig(), { SNAPSHOT_ENQUEUE_TIMEOUT_MS: 100 });
  const trigger = new SnapshotTrigger(
    queue,
    new EmployeeLifecycle(),
    new AssignmentCompletion(),
    figuresChanged,
    config,
  );
  trigger.onModuleInit();

  afterAll(() => {
    redis.disconnect();
    void queue.close();
  });

  it('gives up after the timeout without failing the caller; the nightly close catches up', async () => {
    const started = Date.now();
    await expect(trigger.recompute([1, 2])).resolves.toBeUndefined();
    await expect(figuresChanged.notify([3])).resolves.toBeUndefined();
    await expect(trigger.flushed()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
