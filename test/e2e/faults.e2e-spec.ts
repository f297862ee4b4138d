import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '@lp/core';
import { Role } from '@lp/organisation';
import { buildEmployee, buildStore, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

const EMPLOYEES = '{ employees(first: 5) { totalCount } }';
const CREATE_REGION = 'mutation ($code: String!) { createRegion(input: { code: $code, name: "Fault test" }) { code } }';

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

describe('when Redis is unreachable', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    await t.reset();
    const store = await buildStore(t.dataSource);
    token = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR, storeId: store.id }));
  });
  afterAll(async () => {
    const queues = Object.values(QueueName).flatMap((name) => {
      try {
        return [t.app.get<Queue>(getQueueToken(name), { strict: false })];
      } catch {
        return []; // a queue only the worker registers
      }
    });
    await t.close();
    // Queues that never reached Redis keep retrying after close; stop them so Jest can exit.
    await Promise.all(queues.map((queue) => queue.disconnect()));
  });

  it('keeps serving reads and writes, and says so on /health', async () => {
    expect((await graphql(t.app, EMPLOYEES, {}, token)).data!.employees.totalCount).toBe(1);
    const created = await graphql(t.app, CREATE_REGION, { code: 'NOREDIS' }, token);
    expect(created.data!.createRegion.code).toBe('NOREDIS');
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(503);
    expect(health.body.details.redis.status).toBe('down');
    expect(health.body.details.database.status).toBe('up');
  });
});
