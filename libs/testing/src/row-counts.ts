import type { DataSource } from 'typeorm';

/** Rows per table, to prove that a refused request wrote nothing anywhere. */
export async function rowCounts(
  dataSource: DataSource,
  tables = ['regions', 'stores', 'job_roles', 'employees', 'employee_changes', 'invites', 'audit_events'],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``)) as { n: string | number }[];
    counts[table] = Number(row.n);
  }
  return counts;
}
