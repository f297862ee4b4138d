import { Injectable } from '@nestjs/common';
import { Clock } from '@lp/core';
import { SnapshotService } from './snapshot.service';
import { utcDayOf } from './utc-day';

interface Batch {
  storeIds: Set<number>;
  done: Promise<void>;
}

/**
 * Folds the per-store recompute jobs a worker runs at the same time into one
 * SnapshotService.recomputeStores call: while one batch is written, the stores of the jobs
 * arriving meanwhile gather into the next. One store costs about as much as a batch of
 * a hundred (the statements are the same, with a longer store list), so under a stream
 * of completions across many stores the worker keeps up instead of queueing one
 * recompute per store behind the other. Each job settles with its batch: a failed batch
 * fails all its jobs, which is safe because recomputes are idempotent and the nightly close
 * rewrites the day anyway.
 */
@Injectable()
export class StoreRecomputeBatcher {
  private next: Batch | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly snapshots: SnapshotService,
    private readonly clock: Clock,
  ) {}

  /** Today's rows of the store, recomputed with the other stores asked for at about the same time. */
  recompute(storeId: number): Promise<void> {
    if (!this.next) this.next = this.startBatch();
    this.next.storeIds.add(storeId);
    return this.next.done;
  }

  private startBatch(): Batch {
    const storeIds = new Set<number>();
    const done = this.running
      .catch(() => undefined)
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.next = null;
        return this.snapshots.recomputeStores([...storeIds], utcDayOf(this.clock.now()));
      });
    this.running = done;
    return { storeIds, done };
  }
}
