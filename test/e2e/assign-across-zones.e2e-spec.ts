import { AssignmentEntity } from '@lp/assignments';
import { type EmployeeEntity, localTime, Role, type StoreEntity } from '@lp/organisation';
import {
  buildCourse,
  buildEmployee,
  buildRegion,
  buildStore,
  createTestApp,
  errorCode,
  graphql,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const ASSIGN = 'mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }';

/**
 * A regional manager assigns across a region whose stores keep different time zones: a due
 * day (dueOn) ends at 23:59 in each person's store's zone, where one moment (dueAt) would
 * end Denver's day an hour after Los Angeles' does.
 */
describe('assigning a due day across the time zones of a region', () => {
  let t: TestApp;
  let losAngeles: StoreEntity;
  let denver: StoreEntity;
  let regional: EmployeeEntity;
  let courseId: number;
  const people: EmployeeEntity[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    const region = await buildRegion(t.dataSource);
    losAngeles = await buildStore(t.dataSource, { regionId: region.id, timezone: 'America/Los_Angeles' });
    denver = await buildStore(t.dataSource, { regionId: region.id, timezone: 'America/Denver' });
    for (const store of [losAngeles, denver]) {
      people.push(await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' }));
    }
    regional = await buildEmployee(t.dataSource, { storeId: losAngeles.id, role: Role.REGIONAL_MANAGER });
    courseId = (await buildCourse(t.dataSource)).course.id;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM assignments');
    // 23:30 on 9 March in Los Angeles, already 00:30 on the 10th in Denver.
    t.clock.set(new Date('2026-03-10T06:30:00Z'));
  });

  const assign = (input: Record<string, unknown>) =>
    graphql(t.app, ASSIGN, { input: { courseId, ...input } }, t.tokenFor(regional));
  /** Each assignment's due moment as its holder's store's clock shows it. */
  async function dueClocks(): Promise<string[]> {
    const rows = await t.dataSource.getRepository(AssignmentEntity).find({ order: { employeeId: 'ASC' } });
    return rows.map((row) => {
      const store = people.find((p) => p.id === row.employeeId)!.storeId === denver.id ? denver : losAngeles;
      const at = localTime(row.dueAt.getTime(), store.timezone);
      return `${store.timezone} ${at.year}-${at.month}-${at.day} ${at.hour}:${at.minute}`;
    });
  }

  it("ends the day in each person's store's zone, whatever the audience", async () => {
    const audiences = [
      { regionId: denver.regionId, jobRoleCodes: ['CASHIER'] },
      { employeeIds: people.map((p) => p.id) },
      { jobRoleCodes: ['CASHIER'] },
    ];
    for (const audience of audiences) {
      const response = await assign({ ...audience, dueOn: '2026-03-20' });
      expect(response.data).toEqual({ assignCourse: { created: 2, skipped: 0 } });
      expect(await dueClocks()).toEqual(['America/Los_Angeles 2026-3-20 23:59', 'America/Denver 2026-3-20 23:59']);
      await t.dataSource.query('DELETE FROM assignments');
    }
  });

  it('takes a day that has ended in one of the zones only for the stores where it has not', async () => {
    const refused = await assign({ regionId: denver.regionId, jobRoleCodes: ['CASHIER'], dueOn: '2026-03-09' });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toBe(
      'The due day 2026-03-09 has already ended in America/Denver: choose a later day',
    );
    expect(await t.dataSource.getRepository(AssignmentEntity).count()).toBe(0);

    const losAngelesOnly = await assign({ storeId: losAngeles.id, jobRoleCodes: ['CASHIER'], dueOn: '2026-03-09' });
    expect(losAngelesOnly.data).toEqual({ assignCourse: { created: 1, skipped: 0 } });
    expect(await dueClocks()).toEqual(['America/Los_Angeles 2026-3-9 23:59']);
  });

  it('refuses a due date given both ways, neither way or as no real day, writing nothing', async () => {
    const before = await rowCounts(t.dataSource, ['assignments', 'audit_events']);
    const cases: [Record<string, unknown>, string][] = [
      [{ dueAt: '2026-04-01T00:00:00Z', dueOn: '2026-04-01' }, 'dueAt'],
      [{}, 'dueAt'],
      [{ dueAt: null, dueOn: null }, 'dueAt'],
      [{ dueOn: '2026-02-30' }, 'dueOn'],
      [{ dueOn: '20/03/2026' }, 'dueOn'],
      [{ dueOn: '2026-03-20T12:00:00Z' }, 'dueOn'],
      [{ dueOn: '' }, 'dueOn'],
      // Its end in Denver is already 10000-01-01 in UTC, past what the database holds.
      [{ dueOn: '9999-12-31' }, 'dueOn'],
    ];
    for (const [due, field] of cases) {
      const response = await assign({ storeId: denver.id, ...due });
      expect([due, errorCode(response), response.errors![0].extensions?.field]).toEqual([due, 'BAD_USER_INPUT', field]);
    }
    expect(await rowCounts(t.dataSource, ['assignments', 'audit_events'])).toEqual(before);
  });
});
