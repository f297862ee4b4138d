import { buildOrgChart, createTestApp, graphql, type OrgChart, rowCounts, type TestApp } from '@lp/testing';

/**
 * A privileged action and its audit event commit together or not at all. The database is
 * made to refuse every audit row (a trigger, a real fault rather than a mock): the action
 * must then leave nothing behind.
 */
describe('audit events and the actions they record', () => {
  let t: TestApp;
  let chart: OrgChart;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    chart = await buildOrgChart(t.dataSource);
    await t.dataSource.query(
      `CREATE TRIGGER refuse_audit_events BEFORE INSERT ON audit_events FOR EACH ROW
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit log unavailable'`,
    );
  });

  afterAll(async () => {
    await t.dataSource.query('DROP TRIGGER IF EXISTS refuse_audit_events');
    await t.close();
  });

  const hr = () => t.tokenFor(chart.people.hr);

  it('creates no region when its audit event cannot be written', async () => {
    const before = await rowCounts(t.dataSource);
    const response = await graphql(
      t.app,
      'mutation { createRegion(input: { code: "AUDIT", name: "Audited" }) { id } }',
      {},
      t.tokenFor(chart.people.admin),
    );
    expect(response.errors).toBeDefined();
    expect(JSON.stringify(response.errors)).not.toContain('audit log unavailable');
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('leaves an employee unchanged, without history, when the change cannot be audited', async () => {
    const before = await rowCounts(t.dataSource);
    const response = await graphql(
      t.app,
      'mutation ($id: ID!) { updateEmployee(id: $id, input: { jobRoleCode: "SUPERVISOR" }) { id } }',
      { id: chart.people.employee.id },
      hr(),
    );
    expect(response.errors).toBeDefined();
    const [employee] = await t.dataSource.query(
      'SELECT j.code FROM employees e JOIN job_roles j ON j.id = e.job_role_id WHERE e.id = ?',
      [chart.people.employee.id],
    );
    expect(employee.code).toBe('CASHIER');
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });
});
