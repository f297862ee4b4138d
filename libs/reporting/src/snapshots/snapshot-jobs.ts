/** Jobs of the `compliance-snapshots` queue. */
export enum SnapshotJob {
  /** Rewrites today's snapshot rows of one store; coalesced per store (see SnapshotTrigger). */
  RecomputeStoreSnapshot = 'RecomputeStoreSnapshot',
  /** Closes every day missed since the last closed one, for every store (the nightly run). */
  CloseComplianceDays = 'CloseComplianceDays',
}

export interface RecomputeStoreSnapshotPayload {
  storeId: number;
}

export const CLOSE_DAYS_SCHEDULER_ID = 'close-compliance-days';

/** 00:30 UTC: the UTC day just ended is closed for every store. */
export const CLOSE_DAYS_CRON = '30 0 * * *';

/** The deduplication id of a store's recompute: one pending recompute per store at a time. */
export const recomputeDeduplicationId = (storeId: number): string => `store-${storeId}`;
