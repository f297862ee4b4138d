import request from 'supertest';
import { Role } from '@lp/organisation';
import { buildEmployee, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

describe('GraphQL limits, checked before any resolver runs', () => {
  let t: TestApp;
  let hrToken: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    hrToken = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
  });

  const regionCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM regions'))[0].n);

  it('refuses a query deeper than 8 levels', async () => {
    const deep = `{ regions { stores(first: 1) { edges { node { region { stores(first: 1) { edges { node { region { id } } } } } } } } } }`;
    const response = await graphql(t.app, deep, {}, hrToken);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.data).toBeNull();
  });

  it('accepts 15 aliases and refuses 16, without running the mutation', async () => {
    const aliased = (n: number) =>
      `mutation { ${Array.from({ length: n }, (_, i) => `r${i}: createRegion(input: { code: "A${i}", name: "Alias ${i}" }) { id }`).join(' ')} }`;
    const before = await regionCount();
    const refused = await graphql(t.app, aliased(16), {}, hrToken);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.reason).toBe('ALIAS_LIMIT');
    expect(await regionCount()).toBe(before);

    const accepted = await graphql(t.app, aliased(15), {}, hrToken);
    expect(accepted.errors).toBeUndefined();
    expect(await regionCount()).toBe(before + 15);
  });

  it('refuses an operation that would cost too much, before it writes anything', async () => {
    const expensive = `mutation {
      createRegion(input: { code: "COST", name: "Costly" }) {
        stores(first: 100) { edges { node { region { stores(first: 100) { edges { node { code name timezone } } } } } } }
      }
    }`;
    const before = await regionCount();
    const response = await graphql(t.app, expensive, {}, hrToken);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.reason).toBe('QUERY_COST');
    expect(await regionCount()).toBe(before);
  });

  it('weighs lists by the page they ask for, so variables cannot hide the size', async () => {
    const query = `query ($n: Int) { stores(first: $n) { edges { node { region { stores(first: $n) { edges { node { code name timezone region { code } } } } } } } } }`;
    expect((await graphql(t.app, query, { n: 100 }, hrToken)).errors![0].extensions!.reason).toBe('QUERY_COST');
    expect((await graphql(t.app, query, { n: 5 }, hrToken)).errors).toBeUndefined();
  });

  it('weighs a page that is not given a size by the default page size', async () => {
    const query = `query ($n: Int) { complianceByStore(first: $n) { edges { node { programs {
      missingEmployees { edges { node { id firstName lastName jobRole { name } } } }
    } } } } }`;
    expect((await graphql(t.app, query, { n: 100 }, hrToken)).errors![0].extensions!.reason).toBe('QUERY_COST');
    expect((await graphql(t.app, query, { n: 2 }, hrToken)).errors).toBeUndefined();
  });

  it('caps pages at 100 rows', async () => {
    const response = await graphql(t.app, '{ stores(first: 101) { totalCount } }', {}, hrToken);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('does not accept batched requests', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${hrToken}`)
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
  });

  it('sends security headers and no x-powered-by', async () => {
    const response = await request(t.app.getHttpServer()).get('/health');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('allows no foreign browser origin unless configured', async () => {
    const response = await request(t.app.getHttpServer())
      .options('/graphql')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('GraphQL in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', CORS_ORIGINS: 'https://lp.example.com' } });
  });
  afterAll(() => t.close());

  it('refuses introspection and gives no field suggestions', async () => {
    const introspection = await graphql(t.app, '{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await graphql(t.app, '{ verifyCertificat(code: "x") { valid } }');
    expect(errorCode(typo)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });

  it('does not serve the GraphQL browser', async () => {
    const response = await request(t.app.getHttpServer()).get('/graphiql').set('accept', 'text/html');
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('GraphiQL');
  });

  it('lets the configured browser origin call the API', async () => {
    const response = await request(t.app.getHttpServer())
      .options('/graphql')
      .set('origin', 'https://lp.example.com')
      .set('access-control-request-method', 'POST');
    expect(response.headers['access-control-allow-origin']).toBe('https://lp.example.com');
  });
});
