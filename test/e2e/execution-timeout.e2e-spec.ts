import { createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';
import { slowOperationCalls, SlowOperationsModule } from '../support/slow-operations.module';

describe('the GraphQL execution timeout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { GRAPHQL_EXECUTION_TIMEOUT_MS: '300' }, imports: [SlowOperationsModule] });
  });
  afterAll(() => t.close());

  it('has the database stop a SELECT that outlives the request, and answers TIMEOUT', async () => {
    const response = await graphql(t.app, '{ testExpensiveSelect }');
    expect(errorCode(response)).toBe('TIMEOUT');
    expect(response.errors![0].extensions!.timeoutMs).toBe(300);
    expect(response.data).toEqual({ testExpensiveSelect: null });
    // Nothing of the statement is left running on the server.
    const running = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM information_schema.processlist WHERE info LIKE '%information_schema.collations a%' AND info NOT LIKE '%processlist%'",
    );
    expect(Number(running[0].n)).toBe(0);
  });

  it('starts no further work once the deadline has passed, and keeps what was done', async () => {
    slowOperationCalls.sleeps = 0;
    const response = await graphql(t.app, 'mutation { first: testSleep(ms: 400) second: testSleep(ms: 400) }');
    expect(response.data).toEqual({ first: 400, second: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['second'], extensions: { code: 'TIMEOUT' } });
    expect(slowOperationCalls.sleeps).toBe(1);
  });

  it('leaves requests within the limit alone', async () => {
    const response = await graphql(t.app, 'mutation { testSleep(ms: 1) }');
    expect(response).toMatchObject({ data: { testSleep: 1 } });
    expect(response.errors).toBeUndefined();
  });
});
