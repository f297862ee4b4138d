import { ManualClock } from '@lp/core';
import type { SnapshotService } from './snapshot.service';
import { StoreRecomputeBatcher } from './store-recompute-batcher';

/** Records each recomputeStores call; each call finishes when the test releases it. */
class RecordingSnapshots {
  readonly calls: { storeIds: number[]; day: string }[] = [];
  private readonly releases: ((error?: Error) => void)[] = [];

  recomputeStores(storeIds: number[], day: string): Promise<void> {
    this.calls.push({ storeIds, day });
    return new Promise((resolve, reject) => this.releases.push((error) => (error ? reject(error) : resolve())));
  }

  release(index: number, error?: Error): void {
    this.releases[index](error);
  }
}

/** Lets pending promise callbacks and the batcher's next turn of the event loop run. */
async function turn(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('StoreRecomputeBatcher', () => {
  let snapshots: RecordingSnapshots;
  let batcher: StoreRecomputeBatcher;

  beforeEach(() => {
    snapshots = new RecordingSnapshots();
    batcher = new StoreRecomputeBatcher(
      snapshots as unknown as SnapshotService,
      new ManualClock(new Date('2026-03-10T12:00:00Z')),
    );
  });

  it('recomputes the stores asked for together in one call, for today', async () => {
    const jobs = [batcher.recompute(3), batcher.recompute(1), batcher.recompute(3)];
    await turn();
    expect(snapshots.calls).toEqual([{ storeIds: [3, 1], day: '2026-03-10' }]);
    snapshots.release(0);
    await expect(Promise.all(jobs)).resolves.toEqual([undefined, undefined, undefined]);
  });

  it('gathers the stores asked for while a batch runs into the next one, run after it', async () => {
    const first = batcher.recompute(1);
    await turn();
    const later = [batcher.recompute(2), batcher.recompute(4)];
    await turn();
    expect(snapshots.calls.map((c) => c.storeIds)).toEqual([[1]]);
    snapshots.release(0);
    await first;
    await turn();
    expect(snapshots.calls.map((c) => c.storeIds)).toEqual([[1], [2, 4]]);
    snapshots.release(1);
    await Promise.all(later);
  });

  it('fails the jobs of a failed batch only, and goes on with the next', async () => {
    const failed = batcher.recompute(1);
    await turn();
    const next = batcher.recompute(2);
    snapshots.release(0, new Error('deadlock'));
    await expect(failed).rejects.toThrow('deadlock');
    await turn();
    snapshots.release(1);
    await expect(next).resolves.toBeUndefined();
  });
});
