import request from 'supertest';
import { EMPLOYEE_CSV_COLUMNS } from '@lp/organisation';
import {
  buildCourse,
  buildOrgChart,
  buildRegion,
  buildStore,
  createTestApp,
  errorCode,
  graphql,
  type GraphqlResponse,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

type Person = keyof OrgChart['people'];
const ROLES: Person[] = ['admin', 'hr', 'regional', 'manager', 'employee'];

/**
 * Every operation of organisation and identity, for every access role, on something
 * inside and something outside the role's scope. Chart (see buildOrgChart):
 *   north: n1 (admin, hr, manager, employee, colleague), n2 (regional, n2Employee)
 *   south: s1 (s1Manager, s1Employee)
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let chart: OrgChart;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
  });
  afterAll(() => t.close());

  const as = (person: Person, query: string, variables: Record<string, unknown> = {}) =>
    graphql(t.app, query, variables, t.tokenFor(chart.people[person]));
  const ids = (response: GraphqlResponse<any>, list: string) =>
    response
      .data![list].edges.map((edge: { node: { id: string } }) => Number(edge.node.id))
      .sort((a: number, b: number) => a - b);
  const sorted = (...values: number[]) => [...values].sort((a, b) => a - b);
  /** A refused answer: the code, and not a trace of the object asked for. */
  const expectDenied = (response: GraphqlResponse<unknown>, code: string, ...secrets: string[]) => {
    expect(errorCode(response)).toBe(code);
    for (const secret of secrets) expect(JSON.stringify(response)).not.toContain(secret);
  };

  describe('reading people', () => {
    const EMPLOYEE = 'query ($id: ID!) { employee(id: $id) { id employeeNumber email store { code } } }';
    const cases: [Person, Person, Person | null][] = [
      // [reader, someone in scope, someone out of scope]
      ['admin', 's1Employee', null],
      ['hr', 's1Employee', null],
      ['regional', 'n2Employee', 's1Employee'],
      ['manager', 'colleague', 'n2Employee'],
      ['employee', 'employee', 'colleague'],
    ];
    it.each(cases)('%s: employee(id) of %s yes, of %s NOT_FOUND', async (reader, inside, outside) => {
      const allowed = await as(reader, EMPLOYEE, { id: chart.people[inside].id });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.employee.employeeNumber).toBe(chart.people[inside].employeeNumber);
      if (!outside) return;
      const denied = await as(reader, EMPLOYEE, { id: chart.people[outside].id });
      expectDenied(denied, 'NOT_FOUND', chart.people[outside].employeeNumber, chart.people[outside].email!);
      expect(denied.data).toEqual({ employee: null });
    });

    it('employees() lists exactly the scope', async () => {
      const p = chart.people;
      const all = Object.values(p).map((e) => e.id);
      const expected: Record<Person, number[]> = {
        admin: all,
        hr: all,
        regional: [p.admin, p.hr, p.regional, p.manager, p.employee, p.colleague, p.n2Employee].map((e) => e.id),
        manager: [p.admin, p.hr, p.manager, p.employee, p.colleague].map((e) => e.id),
        employee: [p.employee.id],
      } as Record<Person, number[]>;
      for (const reader of ROLES) {
        const response = await as(reader, '{ employees(first: 100) { totalCount edges { node { id } } } }');
        expect([reader, ids(response, 'employees')]).toEqual([reader, sorted(...expected[reader])]);
        expect(response.data!.employees.totalCount).toBe(expected[reader].length);
      }
    });

    it('filters cannot reach outside the scope: another store or region gives an empty list', async () => {
      const query = `query ($filter: EmployeeFilterInput) {
        employees(filter: $filter) { totalCount edges { node { id email } } }
      }`;
      const probes: [Person, Record<string, unknown>][] = [
        ['manager', { storeId: chart.stores.s1.id }],
        ['manager', { storeId: chart.stores.n2.id }],
        ['manager', { regionId: chart.regions.south.id }],
        ['regional', { storeId: chart.stores.s1.id }],
        ['regional', { regionId: chart.regions.south.id }],
        ['employee', { storeId: chart.stores.n1.id }],
        ['employee', { search: chart.people.colleague.lastName }],
      ];
      for (const [reader, filter] of probes) {
        const response = await as(reader, query, { filter });
        if (reader === 'employee' && filter.storeId) {
          expect(ids(response, 'employees')).toEqual([chart.people.employee.id]);
          continue;
        }
        expect([reader, filter, response.data!.employees.totalCount]).toEqual([reader, filter, 0]);
        expect(JSON.stringify(response)).not.toContain(chart.people.s1Employee.email!);
      }
      const inScope = await as('manager', query, { filter: { storeId: chart.stores.n1.id } });
      expect(inScope.data!.employees.totalCount).toBe(5);
    });

    it('nested fields stay inside the scope: an employee sees only their own store through their region', async () => {
      const response = await as(
        'employee',
        '{ me { store { code region { code stores { totalCount edges { node { code } } } } } } }',
      );
      expect(response.data!.me.store.region.stores).toEqual({
        totalCount: 1,
        edges: [{ node: { code: chart.stores.n1.code } }],
      });
    });
  });

  describe('reading stores and regions', () => {
    const STORE = 'query ($id: ID!) { store(id: $id) { id code region { code } } }';
    const cases: [Person, 'n1' | 'n2' | 's1', 'n1' | 'n2' | 's1' | null][] = [
      ['admin', 's1', null],
      ['hr', 's1', null],
      ['regional', 'n2', 's1'],
      ['manager', 'n1', 'n2'],
      ['employee', 'n1', 'n2'],
    ];
    it.each(cases)('%s: store(id) %s yes, %s NOT_FOUND', async (reader, inside, outside) => {
      const allowed = await as(reader, STORE, { id: chart.stores[inside].id });
      expect(allowed.data!.store.code).toBe(chart.stores[inside].code);
      if (!outside) return;
      const denied = await as(reader, STORE, { id: chart.stores[outside].id });
      expectDenied(denied, 'NOT_FOUND', chart.stores[outside].code);
    });

    it('stores and regions list exactly the scope, with filters and nested lists', async () => {
      const { n1, n2, s1 } = chart.stores;
      const expected: Record<Person, number[]> = {
        admin: [n1.id, n2.id, s1.id],
        hr: [n1.id, n2.id, s1.id],
        regional: [n1.id, n2.id],
        manager: [n1.id],
        employee: [n1.id],
      } as Record<Person, number[]>;
      for (const reader of ROLES) {
        const stores = await as(reader, '{ stores { edges { node { id } } } }');
        expect([reader, ids(stores, 'stores')]).toEqual([reader, sorted(...expected[reader])]);
        const southOnly = await as(reader, 'query ($r: ID) { stores(regionId: $r) { totalCount } }', {
          r: chart.regions.south.id,
        });
        expect([reader, southOnly.data!.stores.totalCount]).toEqual([reader, expected[reader].includes(s1.id) ? 1 : 0]);
        const regions = await as(reader, '{ regions { code stores { edges { node { id } } } } }');
        const nested = regions.data!.regions.flatMap((r: { stores: { edges: { node: { id: string } }[] } }) =>
          r.stores.edges.map((e) => Number(e.node.id)),
        );
        expect([reader, sorted(...nested)]).toEqual([reader, sorted(...expected[reader])]);
      }
    });

    it('job roles are readable by everyone signed in', async () => {
      for (const reader of ROLES) expect((await as(reader, '{ jobRoles { code } }')).data!.jobRoles).toHaveLength(5);
    });
  });

  describe('changing the organisation: HR and admins only', () => {
    const n = { value: 0 };
    const next = () => `M${(n.value += 1)}`;
    type Operation = [string, Record<string, unknown>];
    const operations: [string, () => Operation | Promise<Operation>][] = [
      [
        'createRegion',
        () => [
          'mutation ($i: CreateRegionInput!) { createRegion(input: $i) { id } }',
          { i: { code: next(), name: 'R' } },
        ],
      ],
      [
        'createStore',
        () => [
          'mutation ($i: CreateStoreInput!) { createStore(input: $i) { id } }',
          { i: { code: next(), name: 'S', regionId: chart.regions.north.id, timezone: 'Europe/London' } },
        ],
      ],
      [
        'updateRegion',
        () => [
          'mutation ($id: ID!, $i: UpdateRegionInput!) { updateRegion(id: $id, input: $i) { id } }',
          { id: chart.regions.north.id, i: { name: `North ${next()}` } },
        ],
      ],
      [
        'updateStore (own store)',
        () => [
          'mutation ($id: ID!, $i: UpdateStoreInput!) { updateStore(id: $id, input: $i) { id } }',
          { id: chart.stores.n1.id, i: { name: `Store ${next()}` } },
        ],
      ],
      [
        'deleteStore (one created by mistake, in their region)',
        async () => [
          'mutation ($id: ID!) { deleteStore(id: $id) { id } }',
          { id: (await buildStore(t.dataSource, { regionId: chart.regions.north.id })).id },
        ],
      ],
      [
        'deleteRegion (an empty one)',
        async () => [
          'mutation ($id: ID!) { deleteRegion(id: $id) { id } }',
          { id: (await buildRegion(t.dataSource)).id },
        ],
      ],
      [
        'createJobRole',
        () => [
          'mutation ($i: CreateJobRoleInput!) { createJobRole(input: $i) { code } }',
          { i: { code: `JR_${next()}`, name: 'J' } },
        ],
      ],
      [
        'createEmployee',
        () => [
          'mutation ($i: CreateEmployeeInput!) { createEmployee(input: $i) { id } }',
          {
            i: {
              employeeNumber: next(),
              firstName: 'A',
              lastName: 'B',
              jobRoleCode: 'CASHIER',
              storeId: chart.stores.n1.id,
            },
          },
        ],
      ],
      [
        'updateEmployee (own store)',
        () => [
          'mutation ($id: ID!) { updateEmployee(id: $id, input: { lastName: "Changed" }) { id } }',
          { id: chart.people.colleague.id },
        ],
      ],
      [
        'importEmployees',
        () => [
          'mutation ($csv: String!) { importEmployees(csv: $csv) { created } }',
          { csv: `${EMPLOYEE_CSV_COLUMNS.join(',')}\n${next()},A,B,,CASHIER,${chart.stores.n1.code},,` },
        ],
      ],
      [
        'deactivateEmployee (own store)',
        () => ['mutation ($id: ID!) { deactivateEmployee(id: $id) { active } }', { id: chart.people.colleague.id }],
      ],
    ];

    it.each(operations)('%s: FORBIDDEN for managers and employees, writing nothing', async (_name, build) => {
      for (const reader of ['regional', 'manager', 'employee'] as Person[]) {
        const [query, variables] = await build();
        const before = await rowCounts(t.dataSource);
        const response = await as(reader, query, variables);
        expectDenied(response, 'FORBIDDEN');
        expect(response.data).toBeNull();
        expect(await rowCounts(t.dataSource)).toEqual(before);
      }
      const [query, variables] = await build();
      expect(errorCode(await graphql(t.app, query, variables))).toBe('UNAUTHENTICATED');
    });

    it.each(operations)('%s: allowed for HR and for admins', async (_name, build) => {
      for (const reader of ['hr', 'admin'] as Person[]) {
        const [query, variables] = await build();
        const response = await as(reader, query, variables);
        expect([reader, response.errors]).toEqual([reader, undefined]);
        if (_name.startsWith('deactivate')) {
          await t.dataSource.query('UPDATE employees SET active = 1 WHERE id = ?', [chart.people.colleague.id]);
        }
      }
    });

    it('HR may not touch admins; admins may', async () => {
      const update = 'mutation ($id: ID!) { updateEmployee(id: $id, input: { lastName: "X" }) { id } }';
      const deactivate = 'mutation ($id: ID!) { deactivateEmployee(id: $id) { id } }';
      const promote = 'mutation ($id: ID!) { updateEmployee(id: $id, input: { role: ADMIN }) { id } }';
      const admin = chart.people.admin.id;
      expectDenied(await as('hr', update, { id: admin }), 'FORBIDDEN');
      expectDenied(await as('hr', deactivate, { id: admin }), 'FORBIDDEN');
      expectDenied(await as('hr', promote, { id: chart.people.colleague.id }), 'FORBIDDEN');
      expect((await as('admin', promote, { id: chart.people.colleague.id })).errors).toBeUndefined();
      await t.dataSource.query("UPDATE employees SET role = 'EMPLOYEE' WHERE id = ?", [chart.people.colleague.id]);
    });
  });

  describe('identity and audit', () => {
    it('me answers for every role with themselves', async () => {
      for (const reader of ROLES) {
        const response = await as(reader, '{ me { id } }');
        expect(response.data!.me.id).toBe(String(chart.people[reader].id));
      }
    });

    it('auditEvents: allowed for HR, admins and managers (scoped), FORBIDDEN for employees', async () => {
      for (const reader of ['admin', 'hr', 'regional', 'manager'] as Person[]) {
        expect((await as(reader, '{ auditEvents { totalCount } }')).errors).toBeUndefined();
      }
      expectDenied(await as('employee', '{ auditEvents { totalCount } }'), 'FORBIDDEN');
      const southEvents = await as(
        'manager',
        'query ($s: String) { auditEvents(filter: { subjectId: $s }) { totalCount } }',
        {
          s: String(chart.people.s1Employee.id),
        },
      );
      expect(southEvents.data!.auditEvents.totalCount).toBe(0);
    });

    it('resendInvite: in scope for managers, NOT_FOUND outside, FORBIDDEN for employees', async () => {
      const resend = 'mutation ($id: ID!) { resendInvite(employeeId: $id) { sentTo } }';
      const matrix: [Person, Person, Person | null][] = [
        ['admin', 's1Employee', null],
        ['hr', 's1Employee', null],
        ['regional', 'n2Employee', 's1Employee'],
        ['manager', 'colleague', 'n2Employee'],
      ];
      for (const [reader, inside, outside] of matrix) {
        expect([reader, (await as(reader, resend, { id: chart.people[inside].id })).errors]).toEqual([
          reader,
          undefined,
        ]);
        if (outside)
          expectDenied(
            await as(reader, resend, { id: chart.people[outside].id }),
            'NOT_FOUND',
            chart.people[outside].email!,
          );
      }
      expectDenied(await as('employee', resend, { id: chart.people.employee.id }), 'FORBIDDEN');
    });
  });

  describe('reports and files: the newer fields and routes stay inside the scope', () => {
    let programId: string;
    let certificationId: string;
    /** [reader, a store inside, a store and someone outside (who is missing the programme or holds it)] */
    const lines: [Person, 'n1' | 'n2', 'n2' | 's1', Person, Person][] = [
      ['regional', 'n2', 's1', 's1Manager', 's1Employee'],
      ['manager', 'n1', 'n2', 'regional', 'n2Employee'],
    ];

    beforeAll(async () => {
      const { course } = await buildCourse(t.dataSource);
      const created = await as(
        'hr',
        'mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }',
        {
          input: {
            code: 'MATRIX',
            name: 'Matrix',
            validityMonths: 12,
            recertifyWindowDays: 60,
            courseIds: [course.id],
            requiredJobRoleCodes: ['CASHIER', 'STORE_MANAGER', 'SALES_ASSOCIATE'],
          },
        },
      );
      programId = created.data!.createCertificationProgram.id;
      // s1Employee and n2Employee hold it; everyone else in its audience is missing it, on both sides of each line.
      for (const holder of ['s1Employee', 'n2Employee'] as Person[]) {
        const granted = await as(
          'hr',
          'mutation ($e: ID!, $p: ID!) { grantCertification(employeeId: $e, programId: $p) { id } }',
          { e: chart.people[holder].id, p: programId },
        );
        if (holder === 's1Employee') certificationId = granted.data!.grantCertification.id;
      }
    });

    const download = (path: string, person: Person) =>
      request(t.app.getHttpServer())
        .get(path)
        .buffer(true)
        .set('authorization', `Bearer ${t.tokenFor(chart.people[person])}`);

    it.each(lines)(
      '%s: storeCompliance(%s).program(id).missingEmployees.coursesPassed yes, of %s NOT_FOUND',
      async (reader, inside, outside, missingOutside) => {
        const query = `query ($s: ID!, $p: ID!) { storeCompliance(storeId: $s) { program(id: $p) {
          missing missingEmployees(first: 100) { edges { node { id employeeNumber email store { id } } coursesPassed { completedAt } } }
        } } }`;
        const allowed = await as(reader, query, { s: chart.stores[inside].id, p: programId });
        expect(allowed.errors).toBeUndefined();
        const row = allowed.data!.storeCompliance.program;
        expect(row.missingEmployees.edges).toHaveLength(row.missing);
        for (const edge of row.missingEmployees.edges) expect(edge.node.store.id).toBe(String(chart.stores[inside].id));
        const denied = await as(reader, query, { s: chart.stores[outside].id, p: programId });
        const secret = chart.people[missingOutside];
        expectDenied(denied, 'NOT_FOUND', secret.employeeNumber, secret.email!);
      },
    );

    it.each(lines)(
      '%s: complianceByStore lists the missing people of the stores in scope only',
      async (reader, _inside, _outside, missingOutside) => {
        const response = await as(
          reader,
          `query ($p: ID!) { complianceByStore(programId: $p, first: 10) { edges { node { store { id }
            program(id: $p) { missingEmployees(first: 50) { edges { node { employeeNumber } coursesPassed { completedAt } } } }
          } } } }`,
          { p: programId },
        );
        expect(response.errors).toBeUndefined();
        expect(JSON.stringify(response)).not.toContain(chart.people[missingOutside].employeeNumber);
      },
    );

    it.each(lines)(
      "%s: every CSV answers 404 for another scope's store, region or person, and lists none of them",
      async (reader, _inside, outside, missingOutside, holderOutside) => {
        const store = chart.stores[outside];
        const refused = [
          `/reports/store-compliance.csv?regionId=${store.regionId}`,
          `/reports/certifications.csv?storeId=${store.id}`,
          `/reports/certifications.csv?regionId=${store.regionId}`,
          `/reports/certifications.csv?employeeId=${chart.people[holderOutside].id}`,
          `/reports/certifications.csv?employeeId=${chart.people[holderOutside].id}&includeHistory=true`,
          `/reports/missing-certifications.csv?storeId=${store.id}`,
          `/reports/missing-certifications.csv?regionId=${store.regionId}`,
          `/reports/open-assignments.csv?storeId=${store.id}`,
          `/reports/open-assignments.csv?regionId=${store.regionId}`,
        ].filter((path) => reader !== 'manager' || !path.includes('regionId'));
        for (const path of refused) {
          const response = await download(path, reader);
          expect([path, response.status]).toEqual([path, 404]);
          expect(response.text).not.toContain(chart.people[holderOutside].employeeNumber);
        }
        for (const path of [
          '/reports/store-compliance.csv',
          '/reports/certifications.csv?includeHistory=true',
          '/reports/missing-certifications.csv',
          '/reports/open-assignments.csv',
        ]) {
          const response = await download(path, reader);
          expect([path, response.status]).toEqual([path, 200]);
          for (const secret of [chart.people[missingOutside], chart.people[holderOutside]]) {
            expect([path, response.text.includes(secret.employeeNumber)]).toEqual([path, false]);
          }
          if (reader === 'regional') expect(response.text).not.toContain(store.code);
        }
      },
    );

    it("certificate PDFs: another region's holder is the 404 of an unknown certificate", async () => {
      for (const reader of ['regional', 'manager', 'n2Employee'] as Person[]) {
        const response = await download(`/certificates/${certificationId}.pdf`, reader);
        expect([reader, response.status]).toEqual([reader, 404]);
      }
      for (const reader of ['hr', 's1Manager', 's1Employee'] as Person[]) {
        expect([reader, (await download(`/certificates/${certificationId}.pdf`, reader)).status]).toEqual([
          reader,
          200,
        ]);
      }
    });
  });
});
