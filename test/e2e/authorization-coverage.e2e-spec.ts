import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
} from 'graphql';
import { Role } from '@lp/organisation';
import { buildEmployee, buildStore, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

/**
 * Who may call each operation of schema.gql, by access role. The table is the rule book:
 * an operation missing from it (or listed but gone) fails the first test, so every new
 * operation must be given a rule. Scope (own store, own records) is proven by each
 * domain's own suite; this one proves the role gate of every operation.
 */
const PUBLIC = 'PUBLIC';
const SIGNED_IN = [Role.EMPLOYEE, Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN];
const MANAGERS = [Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN];
const HR = [Role.HR, Role.ADMIN];
const ADMIN = [Role.ADMIN];

const RULES: Record<string, typeof PUBLIC | Role[]> = {
  // queries
  assignments: MANAGERS,
  auditEvents: MANAGERS,
  certificationPrograms: SIGNED_IN,
  certifications: MANAGERS,
  chainCompliance: MANAGERS,
  chainComplianceTrend: MANAGERS,
  complianceByStore: MANAGERS,
  course: SIGNED_IN,
  courses: SIGNED_IN,
  employee: SIGNED_IN,
  employees: SIGNED_IN,
  jobRoles: SIGNED_IN,
  me: SIGNED_IN,
  myAssignments: SIGNED_IN,
  myCertifications: SIGNED_IN,
  quizAttemptResult: SIGNED_IN,
  notifications: HR,
  regionCompliance: MANAGERS,
  regions: SIGNED_IN,
  store: SIGNED_IN,
  storeCompliance: MANAGERS,
  storeComplianceTrend: MANAGERS,
  regionComplianceTrend: MANAGERS,
  stores: SIGNED_IN,
  verifyCertificate: PUBLIC,
  // mutations
  acceptInvite: PUBLIC,
  login: PUBLIC,
  addLesson: ADMIN,
  addQuestion: ADMIN,
  configureQuiz: ADMIN,
  createCourse: ADMIN,
  createCourseDraft: ADMIN,
  discardCourseDraft: ADMIN,
  publishCourse: ADMIN,
  removeLesson: ADMIN,
  removeQuestion: ADMIN,
  reorderLessons: ADMIN,
  updateCourse: ADMIN,
  updateLesson: ADMIN,
  updateQuestion: ADMIN,
  assignCourse: MANAGERS,
  cancelAssignment: MANAGERS,
  changeAssignmentDueDate: MANAGERS,
  resendInvite: MANAGERS,
  signOut: SIGNED_IN,
  completeLesson: SIGNED_IN,
  startQuizAttempt: SIGNED_IN,
  submitQuizAttempt: SIGNED_IN,
  createCertificationProgram: HR,
  updateCertificationProgram: HR,
  grantCertification: HR,
  importCertifications: HR,
  revokeCertification: HR,
  createEmployee: HR,
  createJobRole: HR,
  createRegion: HR,
  createStore: HR,
  closeStore: HR,
  reopenStore: HR,
  deactivateEmployee: HR,
  deleteRegion: HR,
  deleteStore: HR,
  importEmployees: HR,
  updateEmployee: HR,
  updateRegion: HR,
  updateStore: HR,
};

/** A value of the right GraphQL type for every required argument: enough to reach the guards. */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => field.type instanceof GraphQLNonNull)
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  const scalar = (type as GraphQLScalarType).name;
  return { ID: '999999', Int: 1, Float: 1, Boolean: true, DateTime: '2099-01-01T00:00:00.000Z' }[scalar] ?? 'x';
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => arg.type instanceof GraphQLNonNull);
  const signature = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return {
    query: `${kind}${signature ? ` (${signature})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])),
  };
}

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
const operations = (['query', 'mutation'] as const).flatMap((kind) => {
  const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
  return Object.values(root.getFields()).map((field) => ({ name: field.name, ...operationFor(kind, field) }));
});

describe('every operation of the schema has a role rule, and the API enforces it', () => {
  let t: TestApp;
  const people = new Map<Role, number>();
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    const store = await buildStore(t.dataSource);
    for (const role of SIGNED_IN) people.set(role, (await buildEmployee(t.dataSource, { role, storeId: store.id })).id);
  });
  afterAll(() => t.close());

  // signOut, one of the operations, ends its caller's sessions: each operation gets tokens issued after it.
  beforeEach(async () => {
    for (const [role, id] of people) {
      const [{ version }] = await t.dataSource.query('SELECT token_version AS version FROM employees WHERE id = ?', [
        id,
      ]);
      tokens.set(role, t.tokenFor({ id, tokenVersion: version }));
    }
  });

  it('has a rule for exactly the operations in schema.gql', () => {
    expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(operations.map((o) => [o.name, o] as const))('gates %s by role', async (name, operation) => {
    const rule = RULES[name];
    const anonymous = await graphql(t.app, operation.query, operation.variables);
    if (rule === PUBLIC) {
      // login answers wrong credentials with UNAUTHENTICATED too, but never asks for a token
      expect(anonymous.errors?.[0]?.message ?? '').not.toMatch(/access token/);
      return;
    }
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    for (const role of SIGNED_IN) {
      const code = errorCode(await graphql(t.app, operation.query, operation.variables, tokens.get(role)));
      if (rule.includes(role)) expect([name, role, code]).not.toEqual([name, role, 'FORBIDDEN']);
      else expect([name, role, code]).toEqual([name, role, 'FORBIDDEN']);
      expect(code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
