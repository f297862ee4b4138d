import {
  buildCourse,
  buildOrgChart,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  type TestApp,
} from '@lp/testing';

/**
 * A client that sends `null` for an optional filter, paging or target argument means "not given",
 * as GraphQL clients do for an empty filter field: the answer is the one without it.
 */
describe('null for an optional argument', () => {
  let t: TestApp;
  let chart: OrgChart;
  let hrToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset(); // this worker's database may hold what an earlier test file left
    chart = await buildOrgChart(t.dataSource);
    hrToken = t.tokenFor(chart.people.hr);
  });

  afterAll(() => t.close());

  const queries: [name: string, withNulls: string, without: string][] = [
    [
      'complianceByStore',
      '{ complianceByStore(regionId: null, programId: null, first: null, after: null) { totalCount } }',
      '{ complianceByStore { totalCount } }',
    ],
    [
      'certifications',
      `{ certifications(filter: { storeId: null, regionId: null, programId: null, employeeId: null,
           status: null, expiringWithinDays: null, includeHistory: null }) { totalCount } }`,
      '{ certifications { totalCount } }',
    ],
    [
      'employees',
      `{ employees(filter: { storeId: null, regionId: null, jobRoleCode: null, search: null, active: null }) {
           totalCount } }`,
      '{ employees { totalCount } }',
    ],
    [
      'assignments',
      '{ assignments(filter: { storeId: null, employeeId: null, courseId: null, status: null }) { totalCount } }',
      '{ assignments { totalCount } }',
    ],
    [
      'notifications',
      '{ notifications(filter: { employeeId: null, kind: null, status: null }) { totalCount } }',
      '{ notifications { totalCount } }',
    ],
    [
      'auditEvents',
      `{ auditEvents(filter: { actorId: null, action: null, subjectType: null, subjectId: null, from: null, to: null }) {
           totalCount } }`,
      '{ auditEvents { totalCount } }',
    ],
    ['courses', '{ courses(filter: { category: null, search: null }) { totalCount } }', '{ courses { totalCount } }'],
  ];

  it.each(queries)('%s answers as if the null arguments were left out', async (_name, withNulls, without) => {
    const expected = await graphql(t.app, without, {}, hrToken);
    expect(expected.errors).toBeUndefined();
    const answer = await graphql(t.app, withNulls, {}, hrToken);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(expected.data);
  });

  it('assignCourse takes null targets as not given, and answers a request without any as BAD_USER_INPUT', async () => {
    const { course } = await buildCourse(t.dataSource);
    const assign = (input: Record<string, unknown>) =>
      graphql(
        t.app,
        'mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }',
        {
          input: { courseId: course.id, dueAt: '2099-01-01T00:00:00Z', ...input },
        },
        hrToken,
      );
    const nulls = { storeId: null, regionId: null, jobRoleCodes: null };
    const answer = await assign({ employeeIds: [chart.people.employee.id], ...nulls });
    expect(answer.data).toEqual({ assignCourse: { created: 1, skipped: 0 } });
    const withoutTarget = await assign({ employeeIds: null, ...nulls });
    expect(errorCode(withoutTarget)).toBe('BAD_USER_INPUT');
    expect(withoutTarget.errors?.[0].message).toMatch(/Name employeeIds/);
  });
});
