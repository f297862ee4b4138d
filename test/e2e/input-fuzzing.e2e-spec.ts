import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLScalarType,
  isLeafType,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { Role } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildStore,
  createTestApp,
  graphql,
  type TestApp,
} from '@lp/testing';

/**
 * Property-based input testing of every mutation and query: random strings (unicode,
 * huge), extreme and fractional numbers, bad dates and ids, random subsets of optional
 * fields. Whatever arrives, the answer is success or a client error code — never
 * INTERNAL_SERVER_ERROR — and a refused request leaves every table as it was.
 */
const RUNS_PER_OPERATION = 8;
/** Rows a refused sign-in is meant to write (the per-account lock-out counter). */
const WRITTEN_WHEN_REFUSED = new Set(['login_failures']);

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
const knownIds: string[] = [];

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; DROP TABLE employees; --",
    '=HYPERLINK("x")',
    'x'.repeat(5000),
    '🙂'.repeat(300),
  ),
);
const integer = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2147483647, -2147483648),
  fc.double().map((d) => d),
);
const id = fc.oneof(
  fc.constantFrom(...['1', '0', '-1', '4294967296', 'abc', '1.5', '']),
  fc.integer({ min: 1, max: 10_000 }).map(String),
  fc.constant(null).chain(() => fc.constantFrom(...(knownIds.length ? knownIds : ['1']))),
);
const dateTime = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '', '99999-01-01T00:00:00Z'),
);

function arbitrary(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) return arbitrary(type.ofType, depth);
  if (type instanceof GraphQLList) return fc.array(arbitrary(type.ofType, depth + 1), { maxLength: depth > 1 ? 2 : 5 });
  if (type instanceof GraphQLEnumType) return fc.constantFrom(...type.getValues().map((v) => v.value));
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, arbitrary(f.type, depth + 1)])), {
      requiredKeys: fields.filter((f) => f.type instanceof GraphQLNonNull).map((f) => f.name),
    });
  }
  switch ((type as GraphQLScalarType).name) {
    case 'ID':
      return id;
    case 'Int':
      return integer;
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return dateTime;
    default:
      return text;
  }
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const signature = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return {
    name: field.name,
    query: `${kind}${signature ? ` (${signature})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables: fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, arbitrary(arg.type)])), {
      requiredKeys: field.args.filter((a) => a.type instanceof GraphQLNonNull).map((a) => a.name),
    }),
  };
}

/** signOut takes no input, and would end the admin's session: every later operation would be refused unread. */
const UNFUZZED = new Set(['signOut']);

const operations = (['query', 'mutation'] as const).flatMap((kind) => {
  const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
  return Object.values(root.getFields())
    .filter((field) => !UNFUZZED.has(field.name))
    .map((field) => operationFor(kind, field));
});

async function allRowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = (await dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
  )) as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (WRITTEN_WHEN_REFUSED.has(name)) continue;
    counts[name] = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM \`${name}\``))[0].n);
  }
  return counts;
}

describe('random input to every operation', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    const store = await buildStore(t.dataSource);
    const admin = await buildEmployee(t.dataSource, { role: Role.ADMIN, storeId: store.id });
    const learner = await buildEmployee(t.dataSource, { storeId: store.id });
    const course = await buildCourse(t.dataSource);
    const assignment = await buildAssignment(t.dataSource, { employeeId: learner.id, courseId: course.course.id });
    knownIds.push(
      ...[store.id, admin.id, learner.id, course.course.id, assignment.id, course.lessons[0].id].map(String),
    );
    adminToken = t.tokenFor(admin);
  });
  afterAll(() => t.close());

  it.each(operations.map((o) => [o.name, o] as const))(
    '%s: client errors only, nothing written when refused',
    async (_name, operation) => {
      await fc.assert(
        fc.asyncProperty(operation.variables, async (variables) => {
          const before = await allRowCounts(t.dataSource);
          const response = await graphql(t.app, operation.query, variables, adminToken);
          const codes = (response.errors ?? []).map((e) => e.extensions?.code);
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
          expect(response.status).toBeLessThan(500);
          if (codes.length > 0) expect(await allRowCounts(t.dataSource)).toEqual(before);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    },
  );
});
