import { Role, type EmployeeEntity, type StoreEntity } from '@lp/organisation';
import {
  buildCourse,
  buildEmployee,
  buildProgram,
  buildStore,
  type BuiltCourse,
  createTestApp,
  errorCode,
  graphql,
  passCourse,
  type TestApp,
} from '@lp/testing';

const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;
const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }`;
const MY_OPEN_ASSIGNMENTS = `{ myAssignments(status: ASSIGNED) { id course { id } } }`;
/** What the assign form asks, a page of the API's largest size at a time. */
const MISSING = `query ($storeId: ID!, $programId: ID!) { storeCompliance(storeId: $storeId) {
  program(id: $programId) { program { id name courses { id title } } missingEmployees(first: 100) {
    pageInfo { hasNextPage endCursor }
    edges { node { id } coursesPassed { course { id } completedAt } }
  } }
} }`;

type MissingEdge = { node: { id: string }; coursesPassed: { course: { id: string }; completedAt: string }[] };

/**
 * What the store dashboard's "Assign a course to them" needs from the API: the courses each
 * person missing a programme has passed already in a way that counts toward it, and who of
 * the people chosen is no longer the manager's to assign.
 */
describe("what the store dashboard's 'Assign a course to them' asks of the API", () => {
  let t: TestApp;
  let store: StoreEntity;
  let hr: EmployeeEntity;
  let manager: EmployeeEntity;
  let tills: BuiltCourse;
  let refunds: BuiltCourse;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-01-05T10:00:00Z'));
    store = await buildStore(t.dataSource);
    hr = await buildEmployee(t.dataSource, { role: Role.HR, storeId: store.id });
    manager = await buildEmployee(t.dataSource, { role: Role.STORE_MANAGER, storeId: store.id });
    tills = await buildCourse(t.dataSource);
    refunds = await buildCourse(t.dataSource);
  });

  async function createProgram(code: string, courses: BuiltCourse[]): Promise<string> {
    const input = {
      code,
      name: code,
      validityMonths: 12,
      recertifyWindowDays: 60,
      courseIds: courses.map((c) => c.course.id),
      requiredJobRoleCodes: ['CASHIER'],
    };
    const created = await graphql(t.app, CREATE_PROGRAM, { input }, t.tokenFor(hr));
    expect(created.errors).toBeUndefined();
    return created.data!.createCertificationProgram.id as string;
  }

  /** Passes the course through the person's open (audience-made) assignment of it. */
  async function pass(person: EmployeeEntity, built: BuiltCourse): Promise<{ id: string } | null> {
    const open = (await graphql(t.app, MY_OPEN_ASSIGNMENTS, {}, t.tokenFor(person))).data!.myAssignments as {
      id: string;
      course: { id: string };
    }[];
    const assignment = open.find((a) => a.course.id === String(built.course.id));
    if (!assignment) throw new Error(`no open assignment of course ${built.course.id}`);
    return passCourse(t.app, t.tokenFor(person), assignment.id, built);
  }

  async function missingOf(programId: string): Promise<Record<string, MissingEdge['coursesPassed']>> {
    const response = await graphql(t.app, MISSING, { storeId: store.id, programId }, t.tokenFor(manager));
    expect(response.errors).toBeUndefined();
    const row = response.data!.storeCompliance.program;
    return Object.fromEntries(
      (row.missingEmployees.edges as MissingEdge[]).map((edge) => [edge.node.id, edge.coursesPassed]),
    );
  }

  it('lists the passes that count: for another programme, and since a revocation only', async () => {
    const ann = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const bo = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const cy = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    // Ann and Bo pass the till course for Till basics, a programme of its own.
    await createProgram('TILLS', [tills]);
    expect(await pass(ann, tills)).not.toBeNull();
    t.clock.set(new Date('2026-01-12T10:00:00Z'));
    expect(await pass(bo, tills)).not.toBeNull();

    // Cash handling needs the till course too; Bo earns it, then loses it.
    t.clock.set(new Date('2026-02-02T10:00:00Z'));
    const cashId = await createProgram('CASH', [tills, refunds]);
    const boCash = await pass(bo, refunds);
    expect(boCash).not.toBeNull();
    t.clock.set(new Date('2026-02-10T10:00:00Z'));
    const revoked = await graphql(
      t.app,
      'mutation ($id: ID!) { revokeCertification(id: $id, reason: "Issued in error") { status } }',
      { id: boCash!.id },
      t.tokenFor(hr),
    );
    expect(revoked.errors).toBeUndefined();
    t.clock.set(new Date('2026-02-20T10:00:00Z'));
    expect(await pass(bo, refunds)).toBeNull();

    expect(await missingOf(cashId)).toEqual({
      [ann.id]: [{ course: { id: String(tills.course.id) }, completedAt: '2026-01-05T10:00:00.000Z' }],
      // The till course passed before the revocation earns nothing any more.
      [bo.id]: [{ course: { id: String(refunds.course.id) }, completedAt: '2026-02-20T10:00:00.000Z' }],
      [cy.id]: [],
    });

    // What the list says counts is what issuing counts: the course left is all each needs.
    const annCash = await pass(ann, refunds);
    const boAgain = await pass(bo, tills);
    expect(annCash).not.toBeNull();
    expect(boAgain).not.toBeNull();
    const holders = await t.dataSource.query(
      'SELECT employee_id FROM certifications WHERE program_id = ? AND current_key IS NOT NULL AND revoked_at IS NULL',
      [cashId],
    );
    expect(holders.map((row: { employee_id: number }) => Number(row.employee_id)).sort()).toEqual(
      [ann.id, bo.id].sort(),
    );
    expect(Object.keys(await missingOf(cashId))).toEqual([String(cy.id)]);
  });

  it('reads one programme of a store, null for one that does not apply, in any listing of stores', async () => {
    const cashId = await createProgram('CASH', [tills, refunds]);
    const cashier = await buildEmployee(t.dataSource, { storeId: store.id, jobRoleCode: 'CASHIER' });
    const { id: otherId } = await buildProgram(t.dataSource);
    const one = `query ($storeId: ID!, $programId: ID!) {
      storeCompliance(storeId: $storeId) { program(id: $programId) { program { id } missing } }
    }`;
    const read = (programId: string | number) =>
      graphql(t.app, one, { storeId: store.id, programId: String(programId) }, t.tokenFor(manager));
    expect((await read(cashId)).data!.storeCompliance.program).toEqual({ program: { id: cashId }, missing: 1 });
    expect((await read(otherId)).data!.storeCompliance.program).toBeNull();
    expect(errorCode(await read('abc'))).toBe('BAD_USER_INPUT');

    // Asked for without `programs`, in a page of stores, it is read all the same.
    const listed = await graphql(
      t.app,
      `
        query ($programId: ID!) {
          complianceByStore(first: 5) {
            edges {
              node {
                program(id: $programId) {
                  missingEmployees(first: 5) {
                    edges {
                      node {
                        id
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { programId: cashId },
      t.tokenFor(manager),
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.complianceByStore.edges).toEqual([
      { node: { program: { missingEmployees: { edges: [{ node: { id: String(cashier.id) } }] } } } },
    ]);
  });

  it('names the people chosen who are outside the stores the manager runs, and assigns nobody', async () => {
    const elsewhere = await buildStore(t.dataSource);
    const stays = await buildEmployee(t.dataSource, { storeId: store.id });
    const moved = await buildEmployee(t.dataSource, { storeId: elsewhere.id });
    const input = {
      courseId: tills.course.id,
      dueAt: '2026-02-01T00:00:00Z',
      employeeIds: [stays.id, moved.id],
    };
    const answer = await graphql(t.app, ASSIGN, { input }, t.tokenFor(manager));
    expect(errorCode(answer)).toBe('FORBIDDEN');
    expect(answer.errors![0].extensions!.employeeIds).toEqual([String(moved.id)]);
    expect(await t.dataSource.query('SELECT id FROM assignments')).toEqual([]);
  });
});
