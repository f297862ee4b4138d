import type { DataSource, EntityManager } from 'typeorm';
import { retryOnDeadlock } from './retry-on-deadlock';

/**
 * `dataSource.transaction`, run again whole when InnoDB rolls it back to break a deadlock:
 * for a user's request, which would otherwise fail for a race with background work (the
 * reminder planner, the sweep) it cannot see. The work must keep its effects inside the
 * transaction, as a second run repeats it from the start.
 */
export function retriedTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return retryOnDeadlock(() => dataSource.transaction(work));
}
