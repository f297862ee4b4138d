import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { describeMysqlAddress, parseMysqlUrl, setEnvironment } from '@lp/core';
import { DEFAULT_BENCH_DATABASE, benchDatabaseUrl, openDataSource } from './data/bench-database';
import type { BenchSettings } from './lib/context';
import { runBench } from './lib/harness';
import { formatTable } from './lib/results';
import { SCENARIOS } from './scenarios';
import { ChildProcessLauncher } from './servers/launchers';

const RESULTS = join(__dirname, 'results', 'latest.json');

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a number above 0');
  return parsed;
}

async function main(): Promise<void> {
  const options = new Command('bench')
    .description('measure LP Academy against baselines taken in the same run; see bench/README.md')
    .option('--database <name>', 'the database bench:data filled', DEFAULT_BENCH_DATABASE)
    .option('--duration <s>', 'seconds of load per measurement', positive, 5)
    .option('--warmup <s>', 'seconds of load before each measurement', Number, 1)
    .option('--connections <n>', 'concurrent HTTP connections', positive, 50)
    .option('--rounds <n>', 'baseline/ours measurements in turn per HTTP scenario', positive, 2)
    .option('--emails <n>', 'emails sent each way', positive, 500)
    .option('--import-rows <n>', 'employees in the imported CSV', positive, 10_000)
    .option('--completion-rate <n>', 'assignments completed per second (scenario 8)', positive, 200)
    .option('--completion-seconds <s>', 'seconds of completions (scenario 8)', positive, 30)
    .option('--store-events-only', 'scenario 8 sends the store events a completion causes, without completing anything')
    .option('--only <prefixes>', 'comma-separated scenario numbers, e.g. 0,1')
    .option('--cpu-prof <dir>', 'each server process writes a V8 CPU profile into <dir> when it stops')
    .parse()
    .opts<{
      database: string;
      duration: number;
      warmup: number;
      connections: number;
      rounds: number;
      emails: number;
      importRows: number;
      completionRate: number;
      completionSeconds: number;
      storeEventsOnly?: boolean;
      only?: string;
      cpuProf?: string;
    }>();
  const url = benchDatabaseUrl(options.database);
  const databaseAddress = describeMysqlAddress(parseMysqlUrl(url));
  // Production settings, as a real deployment runs: JSON request logs, no GraphiQL, no demo data.
  setEnvironment({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: 'lp-academy-bench-secret-only-for-lp-bench-databases',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    QUEUE_PREFIX: `lp_bench_${process.pid}`,
    // The load comes from one address and a few accounts: measure the limiter's cost, not its refusals.
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_ACCOUNT: '100000000',
  });
  const settings: BenchSettings = {
    durationSeconds: options.duration,
    warmupSeconds: options.warmup,
    connections: options.connections,
    rounds: options.rounds,
    emails: options.emails,
    importRows: options.importRows,
    singleRowSample: Math.min(1000, options.importRows),
    completionRate: options.completionRate,
    completionSeconds: options.completionSeconds,
    storeEventsOnly: options.storeEventsOnly ?? false,
  };
  const only = options.only?.split(',').map((p) => p.trim());
  const scenarios = SCENARIOS.filter((s) => !only || only.some((p) => s.name.startsWith(p)));

  const dataSource = await openDataSource(url).catch((error: Error) => {
    throw new Error(`${error.message}. Run npm run bench:data -- --preset small first.`);
  });
  try {
    const [{ employees }] = (await dataSource.query('SELECT COUNT(*) AS employees FROM employees')) as {
      employees: string;
    }[];
    if (Number(employees) === 0)
      throw new Error(`${options.database} is empty: run npm run bench:data -- --preset small first.`);
    const report = await runBench({
      dataSource,
      servers: new ChildProcessLauncher({ profileDir: options.cpuProf }),
      settings,
      scenarios,
      log: (line) => console.error(line),
    });
    console.log(
      `\nLP Academy bench on ${options.database} at ${databaseAddress} (${employees} employees), ${report.machine.cpus} cores, load ${report.machine.loadAverage.join(' ')}`,
    );
    console.log(formatTable(report.rows));
    await mkdir(join(__dirname, 'results'), { recursive: true });
    await writeFile(
      RESULTS,
      JSON.stringify({ database: options.database, databaseAddress, employees: Number(employees), ...report }, null, 2),
    );
    console.log(`\nWritten to ${RESULTS}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
