import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig, Clock, ClockModule, ConfigModule, DatabaseConfig, DatabaseModule, ManualClock } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { buildEmployee, buildStore, lockWaitsOn, prepareTestEnvironment, truncateAll } from '@lp/testing';
import { NotificationEntity, NotificationStatus } from '../entities';
import { NotificationKind, NotificationSubjectType } from '../notification-kind';
import { NotificationsConfig } from '../notifications.config';
import { NotificationsModule } from '../notifications.module';
import { type NotificationDraft, NotificationPlanner } from './notification-planner.service';

describe('planning notifications', () => {
  const clock = new ManualClock(new Date('2026-01-15T12:00:00Z'));
  let dataSource: DataSource;
  let planner: NotificationPlanner;
  let close: () => Promise<void>;

  beforeAll(async () => {
    await prepareTestEnvironment();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot([AppConfig, DatabaseConfig, NotificationsConfig]),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        NotificationsModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    planner = moduleRef.get(NotificationPlanner);
    close = () => moduleRef.close();
  });

  afterAll(() => close());
  beforeEach(() => truncateAll(dataSource));
  afterEach(() => jest.restoreAllMocks());

  function draft(recipientId: number, overrides: Partial<NotificationDraft> = {}): NotificationDraft {
    return {
      kind: NotificationKind.ASSIGNMENT_DUE,
      recipientId,
      subjectType: NotificationSubjectType.ASSIGNMENT,
      subjectId: 501,
      offsetKey: 'D7',
      plannedAt: new Date('2026-01-20T07:00:00Z'),
      templateData: { assignmentId: 501, courseTitle: 'CCTV basics', dueAt: '2026-01-27T07:00:00.000Z' },
      ...overrides,
    };
  }

  const rows = () => dataSource.getRepository(NotificationEntity).find({ order: { id: 'ASC' } });

  it("moves the send time into the recipient store's office hours and keeps the plan", async () => {
    const store = await buildStore(dataSource, { timezone: 'America/New_York' });
    const employee = await buildEmployee(dataSource, { storeId: store.id });

    // 07:00 UTC is 02:00 in New York: the email waits until 09:00 local, 14:00 UTC.
    await planner.plan(dataSource.manager, [draft(employee.id)]);

    const [row] = await rows();
    expect(row).toMatchObject({
      kind: 'ASSIGNMENT_DUE',
      recipientId: employee.id,
      subjectType: 'ASSIGNMENT',
      subjectId: 501,
      offsetKey: 'D7',
      status: NotificationStatus.PENDING,
      attempts: 0,
      plannedAt: new Date('2026-01-20T07:00:00Z'),
      sendAfter: new Date('2026-01-20T14:00:00Z'),
      queueAfter: new Date('2026-01-20T14:00:00Z'),
      expiresAt: new Date('2026-01-21T14:00:00Z'),
      templateData: { assignmentId: 501, courseTitle: 'CCTV basics', dueAt: '2026-01-27T07:00:00.000Z' },
      ccEmployeeIds: null,
      createdAt: clock.now(),
    });
  });

  it('keeps the office hours of the store a planner read with the subject, looking up only the others', async () => {
    const tokyo = await buildStore(dataSource, { timezone: 'Asia/Tokyo' });
    const newYork = await buildStore(dataSource, { timezone: 'America/New_York' });
    const carried = await buildEmployee(dataSource, { storeId: tokyo.id });
    const unknownZone = await buildEmployee(dataSource, { storeId: tokyo.id });
    const lookedUp = await buildEmployee(dataSource, { storeId: newYork.id });
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const query = jest.spyOn(dataSource.manager, 'query');

    await planner.plan(dataSource.manager, [
      draft(carried.id, { recipientStore: { storeId: tokyo.id, timezone: 'Asia/Tokyo' } }),
      draft(unknownZone.id, { recipientStore: { storeId: 4242, timezone: 'Mars/Olympus_Mons' } }),
    ]);
    expect(query.mock.calls.filter(([sql]) => String(sql).includes('FROM `employees`'))).toHaveLength(0);
    await planner.plan(dataSource.manager, [draft(lookedUp.id, { subjectId: 502 })]);

    const sendAfter = Object.fromEntries((await rows()).map((row) => [row.recipientId, row.sendAfter]));
    // 07:00 UTC is 16:00 in Tokyo, inside office hours; 02:00 in New York; 07:00 in UTC, before them.
    expect(sendAfter).toEqual({
      [carried.id]: new Date('2026-01-20T07:00:00Z'),
      [unknownZone.id]: new Date('2026-01-20T09:00:00Z'),
      [lookedUp.id]: new Date('2026-01-20T14:00:00Z'),
    });
    expect(warn.mock.calls.filter(([message]) => (message as { storeId?: number }).storeId === 4242)).toHaveLength(1);
  });

  it('plans the same reminder once, however often the planner runs, whatever became of it', async () => {
    const employee = await buildEmployee(dataSource);
    const drafts = [draft(employee.id), draft(employee.id, { offsetKey: 'D1' })];

    await planner.plan(dataSource.manager, drafts);
    await dataSource.getRepository(NotificationEntity).update({ offsetKey: 'D7' }, { status: NotificationStatus.SENT });
    await planner.plan(dataSource.manager, drafts);
    await planner.plan(dataSource.manager, [...drafts, draft(employee.id, { plannedAt: new Date('2026-02-01') })]);

    const planned = await rows();
    expect(planned.map((r) => [r.offsetKey, r.status])).toEqual([
      ['D7', NotificationStatus.SENT],
      ['D1', NotificationStatus.PENDING],
    ]);
  });

  it('tells the same reminder for another recipient, subject or kind apart', async () => {
    const first = await buildEmployee(dataSource);
    const second = await buildEmployee(dataSource);

    await planner.plan(dataSource.manager, [
      draft(first.id),
      draft(second.id),
      draft(first.id, { subjectId: 502 }),
      draft(first.id, { subjectType: NotificationSubjectType.CERTIFICATION }),
      draft(first.id, { kind: NotificationKind.CERTIFICATION_EXPIRING }),
    ]);

    expect(await rows()).toHaveLength(5);
  });

  it('plans thousands in a few multi-row statements, the full ones prepared, with the same values', async () => {
    const store = await buildStore(dataSource, { timezone: 'America/New_York' });
    const employees = await Promise.all([1, 2, 3].map(() => buildEmployee(dataSource, { storeId: store.id })));
    const drafts = Array.from({ length: 1200 }, (_, i) =>
      draft(employees[i % 3].id, { subjectId: 1000 + i, ccEmployeeIds: [employees[(i + 1) % 3].id] }),
    );
    // One transaction, so one connection whose statement counters tell the two paths apart.
    const statementsExecuted = async (manager: EntityManager) => {
      const [{ Value }] = (await manager.query("SHOW SESSION STATUS LIKE 'Com_stmt_execute'")) as { Value: string }[];
      return Number(Value);
    };
    await dataSource.transaction(async (manager) => {
      const query = jest.spyOn(manager, 'query');
      const before = await statementsExecuted(manager);

      await planner.plan(manager, drafts);
      await planner.plan(manager, drafts);

      // Two prepared chunks of 500, and the last 200 as text. The second run finds them all planned.
      expect((await statementsExecuted(manager)) - before).toBe(2);
      expect(query.mock.calls.filter(([sql]) => String(sql).includes('INSERT INTO notifications'))).toHaveLength(1);
    });

    // The values must not depend on the path.
    const planned = await rows();
    expect(planned).toHaveLength(1200);
    for (const row of [planned[0], planned[499], planned[1000], planned[1199]]) {
      expect(row).toMatchObject({
        plannedAt: new Date('2026-01-20T07:00:00Z'),
        sendAfter: new Date('2026-01-20T14:00:00Z'),
        expiresAt: new Date('2026-01-21T14:00:00Z'),
        templateData: { assignmentId: 501, courseTitle: 'CCTV basics', dueAt: '2026-01-27T07:00:00.000Z' },
        createdAt: clock.now(),
      });
    }
    expect(planned[0]).toMatchObject({ subjectId: 1000, ccEmployeeIds: [employees[1].id] });
    expect(planned[1199]).toMatchObject({ subjectId: 2199, ccEmployeeIds: [employees[0].id] });
  });

  it('plans drafts made a batch at a time in full chunks, and counts what it planned', async () => {
    const employee = await buildEmployee(dataSource);
    async function* batchesOf(sizes: number[]) {
      let subjectId = 0;
      for (const size of sizes)
        yield Array.from({ length: size }, () => draft(employee.id, { subjectId: ++subjectId }));
    }
    const query = jest.spyOn(dataSource.manager, 'query');

    const planned = await planner.planEach(dataSource.manager, batchesOf([300, 0, 300, 450]));

    expect(planned).toBe(1050);
    expect((await rows()).map((row) => row.subjectId)).toEqual(Array.from({ length: 1050 }, (_, i) => i + 1));
    // 600 after the second batch (500 planned), 550 after the third (500 more): 50 left for the last, as text.
    expect(query.mock.calls.filter(([sql]) => String(sql).includes('INSERT INTO notifications'))).toHaveLength(1);
  });

  it('writes only what is not planned yet: offering the rest again uses up none of the ids', async () => {
    const employee = await buildEmployee(dataSource);
    const subjects = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => draft(employee.id, { subjectId: from + i }));
    const lastId = async () => {
      const [{ id }] = (await dataSource.query('SELECT MAX(id) AS id FROM notifications')) as { id: number }[];
      return id;
    };
    await planner.plan(dataSource.manager, subjects(1, 600));
    await dataSource.getRepository(NotificationEntity).update({ subjectId: 1 }, { status: NotificationStatus.SENT });
    const before = await lastId();
    async function* batches() {
      yield [...subjects(1, 400), ...subjects(601, 605)];
      yield [...subjects(401, 600), ...subjects(606, 610)];
    }

    expect(await planner.planEach(dataSource.manager, batches())).toBe(10);

    // An insert the unique key turns away still takes an id, which the next row would skip.
    expect((await lastId()) - before).toBe(10);
    const planned = await rows();
    expect(planned.map((row) => row.subjectId)).toEqual(Array.from({ length: 610 }, (_, i) => i + 1));
    expect(planned[0].status).toBe(NotificationStatus.SENT);
  });

  it('reports a batch that cannot be read once the chunks before it are written, and leaves the rest to the next run', async () => {
    const employee = await buildEmployee(dataSource);
    async function* failingAfterOneChunk() {
      yield Array.from({ length: 500 }, (_, i) => draft(employee.id, { subjectId: i + 1 }));
      yield [draft(employee.id, { subjectId: 501 })];
      throw new Error('the read failed');
    }

    await expect(planner.planEach(dataSource.manager, failingAfterOneChunk())).rejects.toThrow('the read failed');

    // Settled before the failure was reported: nothing is still being written.
    expect(await rows()).toHaveLength(500);
  });

  it('stops at a chunk that cannot be written, reading at most one batch past it', async () => {
    const employee = await buildEmployee(dataSource);
    let batchesRead = 0;
    async function* batches() {
      for (let batch = 0; batch < 5; batch++) {
        batchesRead++;
        yield Array.from({ length: 500 }, (_, i) =>
          draft(batch === 0 && i === 250 ? 999_999 : employee.id, { subjectId: batch * 500 + i }),
        );
      }
    }

    await expect(planner.planEach(dataSource.manager, batches())).rejects.toThrow(/foreign key constraint/i);

    expect(batchesRead).toBeLessThanOrEqual(2);
    expect(await rows()).toHaveLength(0);
  });

  it('writes a chunk again when InnoDB rolls it back to break a deadlock with another writer', async () => {
    const employee = await buildEmployee(dataSource);
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      // Heavier than the planner's statement (InnoDB rolls back the lighter side), and
      // holding the second draft's key, so the planner waits there holding the first.
      await other.startTransaction();
      const otherRepository = other.manager.getRepository(NotificationEntity);
      const row = (subjectId: number) =>
        otherRepository.create({
          ...draft(employee.id, { subjectId }),
          sendAfter: clock.now(),
          expiresAt: clock.now(),
          queueAfter: clock.now(),
          createdAt: clock.now(),
        });
      await otherRepository.save(Array.from({ length: 20 }, (_, i) => row(1000 + i)));
      await otherRepository.save(row(2));

      const planned = planner.plan(dataSource.manager, [
        draft(employee.id, { subjectId: 1 }),
        draft(employee.id, { subjectId: 2 }),
      ]);
      await lockWaitsOn(dataSource, 'notifications');
      // The first draft's key, which the waiting planner holds: a cycle InnoDB breaks at once.
      await otherRepository.save(row(1));
      await other.commitTransaction();

      // Counted as written: the other writer had not committed its rows when the planner read.
      await expect(planned).resolves.toBe(2);
    } finally {
      await other.release();
    }
    // Planned once each: the repeated statement found the other writer's rows already there.
    expect((await rows()).map((r) => r.subjectId).sort((a, b) => a - b)).toEqual([
      1,
      2,
      ...Array.from({ length: 20 }, (_, i) => 1000 + i),
    ]);
  });

  it('falls back to UTC office hours for a store whose timezone is unknown, and logs it', async () => {
    const store = await buildStore(dataSource, { timezone: 'Mars/Olympus_Mons' });
    const employee = await buildEmployee(dataSource, { storeId: store.id });
    const warn = jest.spyOn(Logger.prototype, 'warn');

    await planner.plan(dataSource.manager, [draft(employee.id), draft(employee.id, { offsetKey: 'D1' })]);

    const planned = await rows();
    expect(planned.map((r) => r.sendAfter)).toEqual([
      new Date('2026-01-20T09:00:00Z'),
      new Date('2026-01-20T09:00:00Z'),
    ]);
    const reports = warn.mock.calls.filter(([message]) => (message as { storeId?: number }).storeId === store.id);
    expect(reports).toEqual([
      [{ storeId: store.id, timezone: 'Mars/Olympus_Mons' }, expect.stringMatching(/unknown timezone.*UTC/)],
    ]);
  });

  it('honours an expiry the planner sets', async () => {
    const employee = await buildEmployee(dataSource);
    const dueAt = new Date('2026-01-21T00:00:00Z');

    await planner.plan(dataSource.manager, [draft(employee.id, { offsetKey: 'D1', expiresAt: dueAt })]);

    expect((await rows())[0].expiresAt).toEqual(dueAt);
  });

  it('writes nothing when one recipient does not exist', async () => {
    const employee = await buildEmployee(dataSource);

    await expect(
      dataSource.transaction((manager) => planner.plan(manager, [draft(employee.id), draft(999_999)])),
    ).rejects.toThrow(/foreign key constraint/i);

    expect(await rows()).toHaveLength(0);
  });

  it("plans a prepared chunk in the caller's transaction, and refuses a missing recipient there too", async () => {
    const employee = await buildEmployee(dataSource);
    const drafts = (missing?: number) =>
      Array.from({ length: 500 }, (_, i) => draft(i === missing ? 999_999 : employee.id, { subjectId: i }));

    const abandoned = dataSource.transaction(async (manager) => {
      await planner.plan(manager, drafts());
      expect(await manager.count(NotificationEntity)).toBe(500);
      throw new Error('changed my mind');
    });
    await expect(abandoned).rejects.toThrow('changed my mind');
    const refused = dataSource.transaction((manager) => planner.plan(manager, drafts(250)));
    await expect(refused).rejects.toThrow(QueryFailedError);
    await expect(refused).rejects.toThrow(/foreign key constraint/i);

    expect(await rows()).toHaveLength(0);
  });

  it("re-times a recipient's pending notifications to the store they moved to, leaving those already going", async () => {
    // Thursday 15 January 12:00 UTC: 07:00 in New York, 21:00 in Tokyo, 12:00 in London.
    const newYork = await buildStore(dataSource, { timezone: 'America/New_York' });
    const london = await buildStore(dataSource, { timezone: 'Europe/London' });
    const employee = await buildEmployee(dataSource, { storeId: newYork.id });
    await planner.plan(dataSource.manager, [
      // Held until 09:00 in New York; in London it may go now.
      draft(employee.id, { offsetKey: 'NOW', plannedAt: clock.now() }),
      // 15:00 in London on the 16th: 10:00 in New York, inside both stores' hours.
      draft(employee.id, { offsetKey: 'SAME', plannedAt: new Date('2026-01-16T15:00:00Z') }),
      // 13:00 in New York on the 16th, 18:00 in London: the next morning there.
      draft(employee.id, { offsetKey: 'LATER', plannedAt: new Date('2026-01-16T18:00:00Z') }),
      draft(employee.id, { offsetKey: 'SENDING', plannedAt: new Date('2026-01-16T18:00:00Z') }),
      draft(employee.id, { offsetKey: 'SENT', plannedAt: new Date('2026-01-16T18:00:00Z') }),
    ]);
    const repository = dataSource.getRepository(NotificationEntity);
    await repository.update({ offsetKey: 'SENDING' }, { status: NotificationStatus.SENDING });
    await repository.update({ offsetKey: 'SENT' }, { status: NotificationStatus.SENT });
    const before = Object.fromEntries((await rows()).map((row) => [row.offsetKey, row]));
    await dataSource.getRepository('employees').update({ id: employee.id }, { storeId: london.id });

    expect(await planner.retimeFor(dataSource.manager, [employee.id])).toBe(2);

    const after = Object.fromEntries(
      (await rows()).map((row) => [row.offsetKey, [row.sendAfter, row.queueAfter, row.expiresAt]]),
    );
    expect(after).toEqual({
      NOW: [clock.now(), clock.now(), before.NOW.expiresAt],
      SAME: [before.SAME.sendAfter, before.SAME.queueAfter, before.SAME.expiresAt],
      LATER: [new Date('2026-01-17T09:00:00Z'), new Date('2026-01-17T09:00:00Z'), before.LATER.expiresAt],
      SENDING: [before.SENDING.sendAfter, before.SENDING.queueAfter, before.SENDING.expiresAt],
      SENT: [before.SENT.sendAfter, before.SENT.queueAfter, before.SENT.expiresAt],
    });
    // Due now in London's hours: moving it again changes nothing.
    expect(await planner.retimeFor(dataSource.manager, [employee.id])).toBe(0);
  });

  it('moves a calendar-day reminder to its day in the zone the recipient moved to, west or east', async () => {
    const madrid = await buildStore(dataSource, { timezone: 'Europe/Madrid' });
    const losAngeles = await buildStore(dataSource, { timezone: 'America/Los_Angeles' });
    const employee = await buildEmployee(dataSource, { storeId: madrid.id });
    // A certificate expiring at the end of Tuesday 20 January in Madrid (22:59 UTC, 14:59 in
    // Los Angeles): "1 day left" from the start of Monday 19th in Madrid, 15:00 on Sunday in Los Angeles.
    await planner.plan(dataSource.manager, [
      draft(employee.id, {
        kind: NotificationKind.CERTIFICATION_EXPIRING,
        subjectType: NotificationSubjectType.CERTIFICATION,
        offsetKey: 'D1@2026-01-20',
        plannedAt: new Date('2026-01-18T23:00:00Z'),
        daysBefore: 1,
        expiresAt: new Date('2026-01-20T22:59:00Z'),
      }),
    ]);
    const moment = async () => {
      const [row] = await rows();
      return [row.plannedAt.toISOString(), row.sendAfter.toISOString()];
    };
    expect(await moment()).toEqual(['2026-01-18T23:00:00.000Z', '2026-01-19T08:00:00.000Z']);

    await dataSource.getRepository('employees').update({ id: employee.id }, { storeId: losAngeles.id });
    expect(await planner.retimeFor(dataSource.manager, [employee.id])).toBe(1);
    // Monday 19th in Los Angeles, from 09:00 there; not Sunday.
    expect(await moment()).toEqual(['2026-01-19T08:00:00.000Z', '2026-01-19T17:00:00.000Z']);

    await dataSource.getRepository('employees').update({ id: employee.id }, { storeId: madrid.id });
    expect(await planner.retimeFor(dataSource.manager, [employee.id])).toBe(1);
    expect(await moment()).toEqual(['2026-01-18T23:00:00.000Z', '2026-01-19T08:00:00.000Z']);
  });

  it('holds a draft for the next opening of the sending window when asked, even in office hours', async () => {
    const london = await buildStore(dataSource, { timezone: 'Europe/London' });
    const employee = await buildEmployee(dataSource, { storeId: london.id });
    // 12:00 on Thursday 15 January in London.
    await planner.plan(dataSource.manager, [
      draft(employee.id, { offsetKey: 'HELD', plannedAt: clock.now(), atWindowOpening: true }),
      draft(employee.id, { offsetKey: 'NOW', plannedAt: clock.now() }),
    ]);
    expect(Object.fromEntries((await rows()).map((row) => [row.offsetKey, row.sendAfter.toISOString()]))).toEqual({
      HELD: '2026-01-16T09:00:00.000Z',
      NOW: '2026-01-15T12:00:00.000Z',
    });
  });

  it('cancels what is still to be sent about a subject, and only that', async () => {
    const employee = await buildEmployee(dataSource);
    await planner.plan(dataSource.manager, [
      draft(employee.id, { offsetKey: 'D14' }),
      draft(employee.id, { offsetKey: 'D7' }),
      draft(employee.id, { offsetKey: 'D1' }),
      draft(employee.id, { offsetKey: 'D0' }),
      draft(employee.id, { offsetKey: 'D-1' }),
      draft(employee.id, { subjectId: 777 }),
    ]);
    const repository = dataSource.getRepository(NotificationEntity);
    await repository.update({ offsetKey: 'D14' }, { status: NotificationStatus.SENT });
    // D1 is being sent by a live worker; D0's worker died and its lease ran out.
    await repository.update(
      { offsetKey: 'D1' },
      { status: NotificationStatus.SENDING, queueAfter: new Date('2026-01-15T12:10:00Z') },
    );
    await repository.update(
      { offsetKey: 'D0' },
      { status: NotificationStatus.SENDING, queueAfter: new Date('2026-01-15T11:50:00Z') },
    );

    const cancelled = await planner.cancelFor(dataSource.manager, NotificationSubjectType.ASSIGNMENT, 501);

    expect(cancelled).toBe(3);
    const statuses = Object.fromEntries((await rows()).map((r) => [`${r.subjectId}/${r.offsetKey}`, r.status]));
    expect(statuses).toEqual({
      '501/D14': NotificationStatus.SENT,
      '501/D7': NotificationStatus.CANCELLED,
      '501/D1': NotificationStatus.SENDING,
      '501/D0': NotificationStatus.CANCELLED,
      '501/D-1': NotificationStatus.CANCELLED,
      '777/D7': NotificationStatus.PENDING,
    });
    expect((await repository.findOneByOrFail({ offsetKey: 'D-1' })).lastError).toMatch(/^Not sent: /);
  });
});
