import type { EntityManager } from 'typeorm';
import type { NotificationDraft, NotificationPlanner } from '@lp/notifications';

/**
 * Plans the drafts made from each batch as it is read, in full chunks as they add up
 * (NotificationPlanner.planEach); returns how many were planned anew.
 */
export function planFromBatches<Row>(
  notifications: NotificationPlanner,
  manager: EntityManager,
  batches: AsyncIterable<Row[]>,
  draftsOf: (batch: Row[]) => NotificationDraft[] | Promise<NotificationDraft[]>,
): Promise<number> {
  return notifications.planEach(manager, draftsFrom(batches, draftsOf));
}

async function* draftsFrom<Row>(
  batches: AsyncIterable<Row[]>,
  draftsOf: (batch: Row[]) => NotificationDraft[] | Promise<NotificationDraft[]>,
): AsyncGenerator<NotificationDraft[]> {
  for await (const batch of batches) yield await draftsOf(batch);
}
