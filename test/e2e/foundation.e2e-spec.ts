import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';
import { printLpSchema } from '../../apps/api/src/graphql/print-schema';

describe('the API foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the database and Redis as up on /health', async () => {
    const response = await request(t.app.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body.info).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('answers a GraphQL query', async () => {
    const response = await graphql(t.app, '{ __typename }');
    expect(response.data).toEqual({ __typename: 'Query' });
  });

  it('answers every request with an id a support ticket can quote, keeping a well-formed one the client sent', async () => {
    const generated = await request(t.app.getHttpServer()).post('/graphql').send({ query: '{ __typename }' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('x-request-id', 'store-12-till-3')
      .send({ query: '{ __typename }' });
    expect(kept.headers['x-request-id']).toBe('store-12-till-3');
  });

  it('answers a malformed query with BAD_USER_INPUT and no stack trace', async () => {
    const response = await graphql(t.app, '{ jobRoles { code ');
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
    const response = await graphql(t.app, 'query ($first: Int) { stores(first: $first) { totalCount } }', {
      first: 'ten',
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('answers an operation without a token with UNAUTHENTICATED', async () => {
    const response = await graphql(t.app, '{ jobRoles { code } }');
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.data).toBeNull();
  });

  it('serves a GraphQL browser that needs no internet', async () => {
    const page = await request(t.app.getHttpServer()).get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/https?:\/\/(?!localhost)/);
    // Every script and style sheet the page loads, or it stays at "Loading GraphiQL…".
    const assets = [...page.text.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map(([, path]) => path);
    expect(assets).toHaveLength(4);
    for (const path of assets) {
      const asset = await request(t.app.getHttpServer()).get(path);
      expect({ path, status: asset.status }).toEqual({ path, status: 200 });
      expect(asset.headers['content-type']).toMatch(/^text\/(javascript|css)/);
    }
  });

  it('has its schema committed as schema.gql (run `npm run schema:print` after changing the API)', () => {
    const printed = printLpSchema(t.app.get(GraphQLSchemaHost).schema);
    const file = join(__dirname, '..', '..', 'schema.gql');
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, printed);
    expect(readFileSync(file, 'utf8')).toBe(printed);
  });
});
