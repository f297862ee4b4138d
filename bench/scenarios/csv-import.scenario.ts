import type { DataSource } from 'typeorm';
import { insertRows, insertRowsOneByOne, type Row } from '../data/bulk-insert';
import type { BenchContext, Scenario } from '../lib/context';
import { percentile } from '../lib/percentile';
import { processCpuSeconds } from '../lib/process-cpu';
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

async function maxId(dataSource: DataSource, table: 'employees' | 'audit_events'): Promise<number> {
  const [{ id }] = (await dataSource.query(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`)) as { id: number }[];
  return Number(id);
}

async function lastEmployeeId(dataSource: DataSource): Promise<number> {
  return maxId(dataSource, 'employees');
}

/** One table's rows, as read back, with their columns in order. */
interface TableRows {
  table: string;
  columns: string[];
  rows: Row[];
}

async function readRows(dataSource: DataSource, table: string, where: string, params: unknown[]): Promise<TableRows> {
  const found = (await dataSource.query(`SELECT * FROM ${table} WHERE ${where} ORDER BY id`, params)) as Record<
    string,
    unknown
  >[];
  const columns = found.length > 0 ? Object.keys(found[0]) : [];
  // The data source parses JSON columns; they go back as the text they were.
  const written = (value: unknown) =>
    value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
  return { table, columns, rows: found.map((row) => columns.map((column) => written(row[column]))) };
}

/**
 * What the import wrote for the hires with ids above `lastId`, table by table in the order
 * a row-by-row import would write them: the employees, their audit events (ids above
 * `lastAuditId`), their history and the assignments their audiences gave them.
 */
async function importedRows(dataSource: DataSource, employeeIds: number[], lastAuditId: number): Promise<TableRows[]> {
  return [
    await readRows(dataSource, 'employees', 'id IN (?)', [employeeIds]),
    await readRows(dataSource, 'audit_events', "id > ? AND subject_type = 'Employee' AND subject_id IN (?)", [
      lastAuditId,
      employeeIds.map(String),
    ]),
    await readRows(dataSource, 'employee_changes', 'employee_id IN (?)', [employeeIds]),
    await readRows(dataSource, 'assignments', 'employee_id IN (?)', [employeeIds]),
  ];
}

/**
 * The import's own rows for its first hires, deleted and written again one autocommitted
 * INSERT each (same ids, same values): what the import would cost as save() in a loop,
 * with none of its checks. Rows per second.
 */
async function sameRowsOneByOne(
  context: BenchContext,
  lastId: number,
  lastAuditId: number,
  hires: number,
  rowsWritten: number,
): Promise<{ rowsPerSecond: number; rows: number; hires: number }> {
  const sampleHires = Math.max(1, Math.ceil((context.settings.singleRowSample * hires) / rowsWritten));
  const ids = (
    (await context.dataSource.query('SELECT id FROM employees WHERE id > ? ORDER BY id LIMIT ?', [
      lastId,
      sampleHires,
    ])) as { id: number }[]
  ).map((row) => Number(row.id));
  const tables = await importedRows(context.dataSource, ids, lastAuditId);
  const runner = context.dataSource.createQueryRunner();
  try {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { table, rows } of [...tables].reverse()) {
      if (rows.length > 0) await runner.query(`DELETE FROM ${table} WHERE id IN (?)`, [rows.map((row) => row[0])]);
    }
    await runner.query('SET FOREIGN_KEY_CHECKS = 1');
    let count = 0;
    const started = performance.now();
    for (const { table, columns, rows } of tables) {
      await insertRowsOneByOne(runner, table, columns, rows);
      count += rows.length;
    }
    const seconds = (performance.now() - started) / 1000;
    return { rowsPerSecond: count / seconds, rows: count, hires: ids.length };
  } finally {
    await runner.release();
  }
}

/** Rows the import wrote: its employees, their history and assignments, and its audit events. */
async function countImportedRows(dataSource: DataSource, lastId: number, lastAuditId: number): Promise<number> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM employees WHERE id > ?)
          + (SELECT COUNT(*) FROM employee_changes WHERE employee_id > ?)
          + (SELECT COUNT(*) FROM assignments WHERE employee_id > ?)
          + (SELECT COUNT(*) FROM audit_events WHERE id > ?) AS n`,
    [lastId, lastId, lastId, lastAuditId],
  )) as { n: number }[];
  return Number(row.n);
}

/**
 * Rounds of 6b: its bulk and single-row inserts alternate, so that a slow spell of the shared
 * host (MariaDB still purging the import's rows, say) weighs on both sides; each side's
 * median counts.
 */
const BULK_VS_SINGLE_ROUNDS = 3;

/** The generator's multi-row INSERTs vs one INSERT per row, on the same employee rows: rows per second each. */
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
  const sample = rows.slice(0, context.settings.singleRowSample);
  const lastId = await lastEmployeeId(context.dataSource);
  const runner = context.dataSource.createQueryRunner();
  const timed = async (insert: () => Promise<void>, count: number) => {
    const started = performance.now();
    await insert();
    const rowsPerSecond = (count * 1000) / (performance.now() - started);
    await removeEmployeesAfter(context.dataSource, lastId);
    return rowsPerSecond;
  };
  try {
    const bulk: number[] = [];
    const single: number[] = [];
    for (let round = 0; round < BULK_VS_SINGLE_ROUNDS; round++) {
      bulk.push(await timed(() => insertRows(runner, 'employees', EMPLOYEE_COLUMNS, rows), rows.length));
      single.push(await timed(() => insertRowsOneByOne(runner, 'employees', EMPLOYEE_COLUMNS, sample), sample.length));
    }
    return rateRow(
      '6b bulk INSERT vs single-row (generator)',
      'rows/s',
      percentile(
        bulk.sort((a, b) => a - b),
        50,
      ),
      percentile(
        single.sort((a, b) => a - b),
        50,
      ),
      50,
      `${rows.length} rows in batches vs ${sample.length} one by one, median of ${BULK_VS_SINGLE_ROUNDS} alternated rounds`,
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
    const lastAuditId = await maxId(context.dataSource, 'audit_events');
    try {
      const before = processMemory(api.pid);
      const cpuBefore = processCpuSeconds(api.pid);
      const started = performance.now();
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${context.tokenFor(admin.id)}` },
        body: JSON.stringify({ query: IMPORT, variables: { csv } }),
      });
      const seconds = (performance.now() - started) / 1000;
      const after = processMemory(api.pid);
      const cpu = processCpuSeconds(api.pid) - cpuBefore;
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
      const rowsWritten = await countImportedRows(context.dataSource, lastId, lastAuditId);
      const oneByOne = await sameRowsOneByOne(context, lastId, lastAuditId, count, rowsWritten);
      const singleRow = await bulkVsSingle(context, stores[0].id, cashier.id);
      return [
        {
          scenario: this.name,
          unit: 's',
          ours: seconds,
          baseline: null,
          ratio: null,
          target: null,
          pass: null,
          note: `${count} employees; API CPU ${cpu.toFixed(2)} s; API RSS ${before.rssMb.toFixed(0)} MB before, ${after.rssMb.toFixed(0)} MB after, peak ${after.peakMb.toFixed(0)} MB`,
        },
        rateRow(
          '6c import vs single-row INSERTs',
          'rows/s',
          rowsWritten / seconds,
          oneByOne.rowsPerSecond,
          this.target!,
          `whole import (checks included): ${rowsWritten} rows (employees, history, assignments, audit) vs the ${oneByOne.rows} rows of its first ${oneByOne.hires} hires one by one`,
        ),
        singleRow,
      ];
    } finally {
      await removeEmployeesAfter(context.dataSource, lastId);
      await context.dataSource.query('DELETE FROM audit_events WHERE id > ?', [lastAuditId]);
    }
  },
};
