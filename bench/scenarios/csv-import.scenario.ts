import type { DataSource } from 'typeorm';
import { insertRows, insertRowsOneByOne, type Row } from '../data/bulk-insert';
import type { BenchContext, Scenario } from '../lib/context';
import { processMemory } from '../lib/process-memory';
import { type BenchRow, rateRow } from '../lib/results';

const IMPORT = `mutation Import($csv: String!) {
  importEmployees(csv: $csv) { created updated unchanged errorCount errors { line message } }
}`;
const EMPLOYEE_COLUMNS = [
  'employee_number',
  'email',
  'first_name',
  'last_name',
  'job_role_id',
  'store_id',
  'hire_date',
];

interface ImportResult {
  created: number;
  errorCount: number;
  errors: { line: number; message: string }[];
}

function importCsv(count: number, tag: string, storeCodes: string[]): string {
  const lines = ['employee_number,first_name,last_name,email,job_role,store_code,role,hire_date'];
  for (let i = 0; i < count; i++) {
    const number = `${tag}${i}`;
    lines.push(
      `${number},Ima,Port${i},${number.toLowerCase()}@import.lp-academy.test,CASHIER,${storeCodes[i % storeCodes.length]},EMPLOYEE,2026-01-05`,
    );
  }
  return lines.join('\n');
}

/** Employees with ids above `lastId` and what their hiring created, so every run starts from the generated chain. */
async function removeEmployeesAfter(dataSource: DataSource, lastId: number): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const table of ['assignments', 'certifications', 'employee_changes', 'invites']) {
      await runner.query(`DELETE FROM ${table} WHERE employee_id > ?`, [lastId]);
    }
    await runner.query('DELETE FROM notifications WHERE recipient_id > ?', [lastId]);
    await runner.query('DELETE FROM employees WHERE id > ?', [lastId]);
    await runner.query('SET FOREIGN_KEY_CHECKS = 1');
  } finally {
    await runner.release();
  }
}

async function lastEmployeeId(dataSource: DataSource): Promise<number> {
  const [{ id }] = (await dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM employees')) as { id: number }[];
  return Number(id);
}

/** Seconds per row for the generator's multi-row INSERTs vs one INSERT per row, on the same employee rows. */
async function bulkVsSingle(context: BenchContext, storeId: number, jobRoleId: number): Promise<BenchRow> {
  const tag = `R${Date.now().toString(36)}`;
  const rows: Row[] = Array.from({ length: context.settings.importRows }, (_, i) => [
    `${tag}${i}`,
    `${tag}${i}@rows.lp-academy.test`.toLowerCase(),
    'Row',
    `Insert${i}`,
    jobRoleId,
    storeId,
    '2026-01-05',
  ]);
  const lastId = await lastEmployeeId(context.dataSource);
  const runner = context.dataSource.createQueryRunner();
  try {
    const bulkStarted = performance.now();
    await insertRows(runner, 'employees', EMPLOYEE_COLUMNS, rows);
    const bulkPerRow = (performance.now() - bulkStarted) / rows.length;
    await removeEmployeesAfter(context.dataSource, lastId);
    const sample = rows.slice(0, context.settings.singleRowSample);
    const singleStarted = performance.now();
    await insertRowsOneByOne(runner, 'employees', EMPLOYEE_COLUMNS, sample);
    const singlePerRow = (performance.now() - singleStarted) / sample.length;
    return rateRow(
      '6b bulk INSERT vs single-row (generator)',
      'rows/s',
      1000 / bulkPerRow,
      1000 / singlePerRow,
      50,
      `${rows.length} rows in batches vs ${sample.length} one by one`,
    );
  } finally {
    await runner.release();
    await removeEmployeesAfter(context.dataSource, lastId);
  }
}

/**
 * 6: importing employees from CSV through the API's importEmployees as an admin (time and
 * the API process's peak memory), its rate vs single-row inserts of the same rows, and the
 * generator's bulk inserts vs single-row inserts.
 */
export const csvImportScenario: Scenario = {
  name: '6a CSV import through importEmployees',
  target: 50,
  nextStep: 'run npm run bench:data first (the import needs stores and an ADMIN)',
  async run(context) {
    const api = await context.servers.get('api');
    const [admin] = (await context.dataSource.query(
      "SELECT id FROM employees WHERE role = 'ADMIN' AND active = 1 LIMIT 1",
    )) as { id: number }[];
    const stores = (await context.dataSource.query('SELECT id, code FROM stores ORDER BY id LIMIT 50')) as {
      id: number;
      code: string;
    }[];
    const [cashier] = (await context.dataSource.query("SELECT id FROM job_roles WHERE code = 'CASHIER'")) as {
      id: number;
    }[];
    if (!admin || stores.length === 0) throw new Error('the database has no ADMIN or no stores');
    const count = context.settings.importRows;
    const csv = importCsv(
      count,
      `I${Date.now().toString(36)}`,
      stores.map((s) => s.code),
    );
    const lastId = await lastEmployeeId(context.dataSource);
    try {
      const before = processMemory(api.pid);
      const started = performance.now();
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${context.tokenFor(admin.id)}` },
        body: JSON.stringify({ query: IMPORT, variables: { csv } }),
      });
      const seconds = (performance.now() - started) / 1000;
      const after = processMemory(api.pid);
      const answer = (await response.json()) as {
        data?: { importEmployees: ImportResult };
        errors?: { message: string }[];
      };
      const result = answer.data?.importEmployees;
      if (!result || result.created !== count) {
        throw new Error(
          `the import did not create ${count} employees: ${JSON.stringify(answer.errors ?? result?.errors)}`,
        );
      }
      const singleRow = await bulkVsSingle(context, stores[0].id, cashier.id);
      const importRate = count / seconds;
      return [
        {
          scenario: this.name,
          unit: 's',
          ours: seconds,
          baseline: null,
          ratio: null,
          target: null,
          pass: null,
          note: `${count} employees; API RSS ${before.rssMb.toFixed(0)} MB before, ${after.rssMb.toFixed(0)} MB after, peak ${after.peakMb.toFixed(0)} MB`,
        },
        rateRow(
          '6c import vs single-row INSERTs',
          'rows/s',
          importRate,
          singleRow.baseline!,
          this.target!,
          'whole import (checks, history, audit, hooks) per row',
        ),
        singleRow,
      ];
    } finally {
      await removeEmployeesAfter(context.dataSource, lastId);
    }
  },
};
