import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, ClockModule, ConfigModule, DatabaseConfig, DatabaseModule } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import type { AccessScope } from '@lp/organisation';
import { buildEmployee, buildStore, prepareTestEnvironment, truncateAll } from '@lp/testing';
import { NotificationKind, NotificationSubjectType } from '../notification-kind';
import { NotificationsConfig } from '../notifications.config';
import { NotificationsModule } from '../notifications.module';
import { NotificationPlanner } from './notification-planner.service';
import { NotificationQueries } from './notification-queries.service';

describe('reading notifications within a scope', () => {
  let dataSource: DataSource;
  let queries: NotificationQueries;
  let close: () => Promise<void>;
  let recipients: { north: number; south: number };
  let regionOfNorth: number;
  let storeOfSouth: number;

  beforeAll(async () => {
    await prepareTestEnvironment();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot([AppConfig, DatabaseConfig, NotificationsConfig]),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        NotificationsModule,
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    queries = moduleRef.get(NotificationQueries);
    close = () => moduleRef.close();

    await truncateAll(dataSource);
    const northStore = await buildStore(dataSource);
    const southStore = await buildStore(dataSource);
    const north = await buildEmployee(dataSource, { storeId: northStore.id });
    const south = await buildEmployee(dataSource, { storeId: southStore.id });
    recipients = { north: north.id, south: south.id };
    regionOfNorth = northStore.regionId;
    storeOfSouth = southStore.id;
    await moduleRef.get(NotificationPlanner).plan(
      dataSource.manager,
      [north.id, south.id].map((recipientId) => ({
        kind: NotificationKind.ASSIGNMENT_DUE,
        recipientId,
        subjectType: NotificationSubjectType.ASSIGNMENT,
        subjectId: 501,
        offsetKey: 'D7',
        plannedAt: new Date('2026-01-20T07:00:00Z'),
        templateData: {},
      })),
    );
  });

  afterAll(() => close());

  async function recipientsSeenWith(scope: AccessScope): Promise<number[]> {
    const page = await queries.list(scope, {}, { first: 10 });
    expect(page.totalCount).toBe(page.items.length);
    return page.items.map((notification) => notification.recipientId);
  }

  it("shows a chain-wide reader everyone's, a region's or store's reader only theirs", async () => {
    expect(await recipientsSeenWith({ kind: 'chain' })).toEqual([recipients.north, recipients.south]);
    expect(await recipientsSeenWith({ kind: 'regions', regionIds: [regionOfNorth] })).toEqual([recipients.north]);
    expect(await recipientsSeenWith({ kind: 'stores', storeIds: [storeOfSouth] })).toEqual([recipients.south]);
    expect(await recipientsSeenWith({ kind: 'self', employeeId: recipients.south })).toEqual([recipients.south]);
    expect(await recipientsSeenWith({ kind: 'stores', storeIds: [] })).toEqual([]);
  });
});
