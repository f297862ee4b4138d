import { Role } from '@lp/organisation';
import { buildEmployee, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

const EMPLOYEES = '{ employees(first: 5) { totalCount } }';

describe('when the database drops its connections mid-flight', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    token = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
  });
  afterAll(() => t.close());

  it('answers with a clear error at worst, and the next request works again', async () => {
    expect((await graphql(t.app, EMPLOYEES, {}, token)).data!.employees.totalCount).toBe(1);
    // Kill every connection of this test database's pool from the outside, as a failover would.
    const killer = t.dataSource.createQueryRunner();
    const own = Number((await killer.query('SELECT CONNECTION_ID() AS id'))[0].id);
    const victims = (await killer.query(
      'SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> ?',
      [own],
    )) as { id: number }[];
    for (const { id } of victims) await killer.query(`KILL ${Number(id)}`).catch(() => undefined);
    await killer.release();

    const during = await graphql(t.app, EMPLOYEES, {}, token);
    if (during.errors) {
      expect(errorCode(during)).toBe('INTERNAL_SERVER_ERROR');
      expect(during.errors[0].extensions!.errorId).toBeDefined();
      expect(JSON.stringify(during.errors)).not.toMatch(/ECONNRESET|PROTOCOL|at .*\.js/);
    }
    const after = await graphql(t.app, EMPLOYEES, {}, token);
    expect(after.data!.employees.totalCount).toBe(1);
  });
});
