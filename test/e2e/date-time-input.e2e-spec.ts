import {
  buildCourse,
  buildOrgChart,
  buildProgram,
  createTestApp,
  errorCode,
  graphql,
  type OrgChart,
  rowCounts,
  type TestApp,
} from '@lp/testing';

const GRANT = `mutation ($e: ID!, $p: ID!, $at: DateTime) {
  grantCertification(employeeId: $e, programId: $p, issuedAt: $at) { id issuedAt }
}`;
const ASSIGN = 'mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { created skipped } }';
const WRITTEN = ['certifications', 'assignments', 'audit_events'];

/**
 * A DateTime argument is an RFC 3339 instant the database can hold, or BAD_USER_INPUT with
 * nothing written: before, "yesterday" reached the database as an Invalid Date (a 500) and a
 * due date past the year 9999 was stored as 0000-00-00, which broke every list showing it.
 */
describe('DateTime arguments', () => {
  let t: TestApp;
  let chart: OrgChart;
  let hrToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
    hrToken = t.tokenFor(chart.people.hr);
  });
  afterAll(() => t.close());

  const refusals = ['yesterday', '2026-02-30T00:00:00Z', '0999-06-01T00:00:00Z', '+010000-01-01T00:00:00Z'];

  it.each(refusals)('grantCertification refuses issuedAt %p and writes nothing', async (issuedAt) => {
    const program = await buildProgram(t.dataSource);
    const before = await rowCounts(t.dataSource, WRITTEN);
    const variables = { e: chart.people.employee.id, p: program.id, at: issuedAt };
    const answer = await graphql(t.app, GRANT, variables, hrToken);
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
  });

  it.each(refusals)('assignCourse refuses dueAt %p and writes nothing', async (dueAt) => {
    const { course } = await buildCourse(t.dataSource);
    const before = await rowCounts(t.dataSource, WRITTEN);
    const input = { courseId: course.id, dueAt, employeeIds: [chart.people.employee.id] };
    const answer = await graphql(t.app, ASSIGN, { input }, hrToken);
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
  });

  it('takes an instant with an offset as the same instant in UTC', async () => {
    const program = await buildProgram(t.dataSource);
    const variables = { e: chart.people.employee.id, p: program.id, at: '2026-01-01T10:00:00+05:30' };
    const answer = await graphql(t.app, GRANT, variables, hrToken);
    expect(answer.data?.grantCertification.issuedAt).toBe('2026-01-01T04:30:00.000Z');
  });
});
