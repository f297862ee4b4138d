import type { EntityManager } from 'typeorm';
import type { NotificationDraft, NotificationPlanner } from '@lp/notifications';

/** Plans the drafts made from each batch as it is read; returns how many were offered. */
export async function planFromBatches<Row>(
  notifications: NotificationPlanner,
  manager: EntityManager,
  batches: AsyncIterable<Row[]>,
  draftsOf: (batch: Row[]) => NotificationDraft[] | Promise<NotificationDraft[]>,
): Promise<number> {
  let offered = 0;
  for await (const batch of batches) {
    const drafts = await draftsOf(batch);
    await notifications.plan(manager, drafts);
    offered += drafts.length;
  }
  return offered;
}
