import { AssignmentStatus } from '@lp/assignments';
import { CertificationEntity, CertificationSource } from '@lp/certification';
import { CourseEntity } from '@lp/learning';
import { EmployeeEntity, JobRoleEntity, Role, StoreEntity } from '@lp/organisation';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildRegion,
  buildStore,
  createTestApp,
  graphql,
  type TestApp,
} from '@lp/testing';

/** More than the API's largest page (100), as in a store of 150–300 people or a catalogue of years. */
const COUNT = 130;
const pad = (n: number) => String(n).padStart(3, '0');

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

describe('lists at the size of a chain: in the order people read them, every row reachable', () => {
  let t: TestApp;
  let hr: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
  });

  /** Every page of a list, 100 at a time, as a client that follows endCursor reads it. */
  async function readAll<T>(
    query: string,
    pick: (data: Record<string, any>) => Connection<T>,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ nodes: T[]; totalCount: number }> {
    const nodes: T[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; pages < 10; pages++) {
      const response = await graphql(t.app, query, { ...variables, first: 100, after }, token);
      expect(response.errors).toBeUndefined();
      const connection = pick(response.data!);
      totalCount = connection.totalCount;
      nodes.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return { nodes, totalCount };
  }

  describe('employees', () => {
    const PEOPLE = `query ($filter: EmployeeFilterInput, $first: Int, $after: String) {
      employees(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id firstName lastName } }
      }
    }`;
    let storeId: number;

    /** People hired in the reverse order of their names, so that ids and names disagree. */
    beforeEach(async () => {
      const store = await buildStore(t.dataSource);
      storeId = store.id;
      const jobRole = await t.dataSource.getRepository(JobRoleEntity).findOneByOrFail({ code: 'CASHIER' });
      await t.dataSource.getRepository(EmployeeEntity).insert(
        Array.from({ length: COUNT }, (_, i) => ({
          employeeNumber: `S${pad(i)}`,
          email: null,
          firstName: i % 2 === 0 ? 'Alex' : 'Sam',
          lastName: `Name${pad(Math.floor((COUNT - i) / 2))}`,
          jobRoleId: jobRole.id,
          role: Role.EMPLOYEE,
          active: true,
          hireDate: '2025-01-06',
          terminatedAt: null,
          passwordHash: null,
          storeId,
        })),
      );
      hr = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR, lastName: 'Zz-HR' }));
    });

    it('pages through a store of more than 100 people by last name, then first name, each once', async () => {
      const { nodes, totalCount } = await readAll(
        PEOPLE,
        (d) => d.employees,
        { filter: { storeId: String(storeId) } },
        hr,
      );
      expect(totalCount).toBe(COUNT);
      expect(nodes).toHaveLength(COUNT);
      expect(new Set(nodes.map((n: any) => n.id)).size).toBe(COUNT);
      const names = nodes.map((n: any) => `${n.lastName} ${n.firstName}`);
      expect(names).toEqual([...names].sort());
      expect(names.slice(0, 3)).toEqual(['Name000 Sam', 'Name001 Alex', 'Name001 Sam']);
    });

    it('continues after a person who left the list between two pages', async () => {
      const filter = { storeId: String(storeId), active: true };
      const first = await graphql(t.app, PEOPLE, { filter, first: 10 }, hr);
      const lastShown = first.data!.employees.edges.at(-1).node;
      await t.dataSource.getRepository(EmployeeEntity).update({ id: Number(lastShown.id) }, { active: false });
      const next = await graphql(
        t.app,
        PEOPLE,
        { filter, first: 10, after: first.data!.employees.pageInfo.endCursor },
        hr,
      );
      expect(next.errors).toBeUndefined();
      expect(next.data!.employees.edges[0].node).toMatchObject({ lastName: 'Name005', firstName: 'Sam' });
    });

    it("does not place a page by someone the reader may not see: a cursor is the last row's place, not an id to look up", async () => {
      const otherStore = await buildStore(t.dataSource);
      const outsider = await buildEmployee(t.dataSource, { storeId: otherStore.id, lastName: 'Name064' });
      const manager = t.tokenFor(await buildEmployee(t.dataSource, { storeId, role: Role.STORE_MANAGER }));
      const idCursor = Buffer.from(`id:${outsider.id}`).toString('base64url');
      const probe = await graphql(t.app, PEOPLE, { filter: { storeId: String(storeId) }, after: idCursor }, manager);
      expect(probe.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      const page = await graphql(t.app, PEOPLE, { filter: { storeId: String(storeId) }, first: 2 }, manager);
      const coursesAfterIt = await graphql(
        t.app,
        `
          query ($after: String) {
            courses(after: $after) {
              totalCount
            }
          }
        `,
        { after: page.data!.employees.pageInfo.endCursor },
        manager,
      );
      expect(coursesAfterIt.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('finds someone by their whole name, either way round', async () => {
      await buildEmployee(t.dataSource, { storeId, firstName: 'Robin', lastName: 'Farther' });
      for (const search of ['Robin Farther', 'Farther Robin', 'robin  far']) {
        const response = await graphql(t.app, PEOPLE, { filter: { storeId: String(storeId), search } }, hr);
        expect(response.data!.employees.edges.map((e: any) => e.node.lastName)).toEqual(['Farther']);
      }
    });
  });

  describe('courses', () => {
    const COURSES = `query ($filter: CourseFilterInput, $first: Int, $after: String) {
      courses(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id title currentVersion { id } } }
      }
    }`;

    /** A catalogue grown over the years: the newest course is the first by title. */
    beforeEach(async () => {
      for (let i = 0; i < COUNT; i++) {
        const { course } = await buildCourse(t.dataSource, { lessons: 1, questions: 1 });
        await t.dataSource.getRepository(CourseEntity).update({ id: course.id }, { title: `Module ${pad(COUNT - i)}` });
      }
      await t.dataSource.getRepository(CourseEntity).insert({
        code: 'DRAFT-ONLY',
        title: 'A draft nobody can take',
        summary: 'Not yet published',
        category: 'BASICS',
        estimatedMinutes: 10,
        currentVersionId: null,
        draftVersionId: null,
        curriculumHash: null,
      });
      const store = await buildStore(t.dataSource);
      hr = t.tokenFor(await buildEmployee(t.dataSource, { storeId: store.id, role: Role.HR }));
      admin = t.tokenFor(await buildEmployee(t.dataSource, { storeId: store.id, role: Role.ADMIN }));
    });

    it('reaches every published course by title, the newest too', async () => {
      const { nodes, totalCount } = await readAll(COURSES, (d) => d.courses, {}, hr);
      expect(totalCount).toBe(COUNT);
      const titles = nodes.map((n: any) => n.title);
      expect(titles).toHaveLength(COUNT);
      expect(titles).toEqual([...titles].sort());
      expect(titles[0]).toBe('Module 001');
    });

    it('gives an author only the courses that can be assigned, counted right, when asked', async () => {
      const everything = await graphql(t.app, COURSES, { first: 1 }, admin);
      expect(everything.data!.courses.totalCount).toBe(COUNT + 1);
      const published = await readAll(COURSES, (d) => d.courses, { filter: { published: true } }, admin);
      expect(published.totalCount).toBe(COUNT);
      expect(published.nodes.every((n: any) => n.currentVersion !== null)).toBe(true);
      const drafts = await graphql(t.app, COURSES, { filter: { published: false } }, admin);
      expect(drafts.data!.courses.edges.map((e: any) => e.node.title)).toEqual(['A draft nobody can take']);
    });
  });

  it('lists stores by code, through every page', async () => {
    const region = await buildRegion(t.dataSource);
    await t.dataSource.getRepository(StoreEntity).insert(
      Array.from({ length: COUNT }, (_, i) => ({
        code: `B${pad(COUNT - i)}`,
        name: `Branch ${pad(COUNT - i)}`,
        timezone: 'Europe/London',
        regionId: region.id,
      })),
    );
    hr = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
    const STORES = `query ($regionId: ID, $first: Int, $after: String) {
      stores(regionId: $regionId, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id code } }
      }
    }`;
    const { nodes } = await readAll(STORES, (d) => d.stores, { regionId: String(region.id) }, hr);
    const codes = nodes.map((n: any) => n.code);
    expect(codes).toHaveLength(COUNT);
    expect(codes).toEqual([...codes].sort());
  });

  describe("a person's history", () => {
    const HISTORY = 12;
    const ASSIGNMENTS = `query ($id: ID!, $order: CreationOrder, $first: Int, $after: String) {
      assignments(filter: { employeeId: $id }, order: $order, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
      }
    }`;
    const CYCLES = `query ($id: ID!, $order: CreationOrder, $first: Int, $after: String) {
      certifications(filter: { employeeId: $id, includeHistory: true }, order: $order, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
      }
    }`;

    /** Pages of 5, as a record's table reads them. */
    async function idsInPages(query: string, field: string, variables: Record<string, unknown>, token: string) {
      const ids: number[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 5; pages++) {
        const response = await graphql(t.app, query, { ...variables, first: 5, after }, token);
        expect(response.errors).toBeUndefined();
        const connection = response.data![field] as Connection<{ id: string }>;
        ids.push(...connection.edges.map((edge) => Number(edge.node.id)));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return ids;
    }

    it('lists assignments and certification cycles newest first when asked, through every page', async () => {
      const person = await buildEmployee(t.dataSource);
      hr = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.HR }));
      const { course } = await buildCourse(t.dataSource);
      const assignments = [];
      for (let i = 0; i < HISTORY; i++) {
        assignments.push(
          await buildAssignment(t.dataSource, {
            employeeId: person.id,
            courseId: course.id,
            status: AssignmentStatus.COMPLETED,
          }),
        );
      }
      const program = await buildProgram(t.dataSource);
      const day = 86_400_000;
      await t.dataSource.getRepository(CertificationEntity).insert(
        Array.from({ length: HISTORY }, (_, i) => ({
          employeeId: person.id,
          programId: program.id,
          certificateNumber: `HIST-${pad(i)}`,
          verificationCode: `H${String(i).padStart(25, '0')}`,
          issuedAt: new Date(Date.UTC(2020, 0, 1) + i * 30 * day),
          expiresAt: new Date(Date.UTC(2020, 0, 1) + (i + 1) * 30 * day),
          source: CertificationSource.MANUAL_GRANT,
          currentKey: i === HISTORY - 1 ? program.id : null,
        })),
      );
      const cycles = (await t.dataSource.getRepository(CertificationEntity).findBy({ employeeId: person.id })).map(
        (c) => c.id,
      );
      const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);
      const variables = { id: String(person.id) };

      const assignmentIds = ascending(assignments.map((a) => a.id));
      expect(await idsInPages(ASSIGNMENTS, 'assignments', variables, hr)).toEqual(assignmentIds);
      expect(await idsInPages(ASSIGNMENTS, 'assignments', { ...variables, order: 'NEWEST_FIRST' }, hr)).toEqual(
        [...assignmentIds].reverse(),
      );
      expect(await idsInPages(CYCLES, 'certifications', { ...variables, order: 'OLDEST_FIRST' }, hr)).toEqual(
        ascending(cycles),
      );
      expect(await idsInPages(CYCLES, 'certifications', { ...variables, order: 'NEWEST_FIRST' }, hr)).toEqual(
        ascending(cycles).reverse(),
      );
    });
  });
});
