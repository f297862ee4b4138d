import type { AccessScope } from '@lp/organisation';
import { buildEmployee, buildStore, useTestDatabase } from '@lp/testing';
import { NotificationEntity } from '../entities';
import { NotificationKind, NotificationSubjectType } from '../notification-kind';
import { NotificationQueries } from './notification-queries.service';

describe('reading notifications within a scope', () => {
  const suite = useTestDatabase();
  let queries: NotificationQueries;
  let north: { recipientId: number; regionId: number };
  let south: { recipientId: number; storeId: number };

  beforeAll(async () => {
    queries = new NotificationQueries(suite.dataSource);
    const [northStore, southStore] = [await buildStore(suite.dataSource), await buildStore(suite.dataSource)];
    north = {
      recipientId: (await buildEmployee(suite.dataSource, { storeId: northStore.id })).id,
      regionId: northStore.regionId,
    };
    south = {
      recipientId: (await buildEmployee(suite.dataSource, { storeId: southStore.id })).id,
      storeId: southStore.id,
    };
    const at = new Date('2026-01-20T07:00:00Z');
    await suite.dataSource.getRepository(NotificationEntity).insert(
      [north.recipientId, south.recipientId].map((recipientId) => ({
        kind: NotificationKind.ASSIGNMENT_DUE,
        recipientId,
        subjectType: NotificationSubjectType.ASSIGNMENT,
        subjectId: 501,
        offsetKey: 'D7',
        plannedAt: at,
        sendAfter: at,
        expiresAt: at,
        queueAfter: at,
        createdAt: at,
      })),
    );
  });

  async function recipientsSeenWith(scope: AccessScope): Promise<number[]> {
    const page = await queries.list(scope, {}, { first: 10 });
    expect(page.totalCount).toBe(page.items.length);
    return page.items.map((notification) => notification.recipientId);
  }

  it("shows a chain-wide reader everyone's, a region's or store's reader only theirs", async () => {
    expect(await recipientsSeenWith({ kind: 'chain' })).toEqual([north.recipientId, south.recipientId]);
    expect(await recipientsSeenWith({ kind: 'regions', regionIds: [north.regionId] })).toEqual([north.recipientId]);
    expect(await recipientsSeenWith({ kind: 'stores', storeIds: [south.storeId] })).toEqual([south.recipientId]);
    expect(await recipientsSeenWith({ kind: 'self', employeeId: south.recipientId })).toEqual([south.recipientId]);
    expect(await recipientsSeenWith({ kind: 'stores', storeIds: [] })).toEqual([]);
  });
});
