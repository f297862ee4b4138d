import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ChainGenerator, type ChainSize } from './data/chain-generator';
import {
  BenchUsageError,
  DEFAULT_BENCH_DATABASE,
  benchDatabaseUrl,
  openDataSource,
  prepareBenchDatabase,
} from './data/bench-database';

export const PRESETS: Record<string, ChainSize> = {
  tiny: { stores: 2, employees: 40 },
  small: { stores: 20, employees: 1000 },
  medium: { stores: 200, employees: 10_000 },
  /** Issue 12's nightly close scales with stores × programmes: the full chain's stores, few people each. */
  stores: { stores: 2000, employees: 20_000 },
  full: { stores: 2000, employees: 100_000 },
};

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return parsed;
}

async function main(): Promise<void> {
  const options = new Command('bench:data')
    .description('fill a dedicated database with a generated chain for `npm run bench`')
    .option('--preset <name>', `one of ${Object.keys(PRESETS).join(', ')}`)
    .option('--stores <n>', 'stores (default: the preset, else full size)', positive)
    .option('--employees <n>', 'employees', positive)
    .option('--database <name>', 'database to (re)create; it is emptied first', DEFAULT_BENCH_DATABASE)
    .option('--seed <n>', 'random seed: the same seed makes the same chain', positive)
    .option('--cycles <n>', 'certification cycles per holder and programme (default 1 to 3 at random)', positive)
    .parse()
    .opts<{
      preset?: string;
      stores?: number;
      employees?: number;
      database: string;
      seed?: number;
      cycles?: number;
    }>();
  const preset = PRESETS[options.preset ?? 'full'];
  if (!preset) throw new BenchUsageError(`--preset: use one of ${Object.keys(PRESETS).join(', ')}`);
  const size = {
    stores: options.stores ?? preset.stores,
    employees: options.employees ?? preset.employees,
    certificationCycles: options.cycles,
  };

  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const url = benchDatabaseUrl(options.database);
  log(`database ${options.database}: ${size.stores} stores, ${size.employees} employees`);
  await prepareBenchDatabase(url, log);
  const dataSource = await openDataSource(url);
  try {
    const counts = await new ChainGenerator(size, log, { seed: options.seed }).generate(dataSource);
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s. Made:`);
    console.table(counts);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof BenchUsageError) process.exit(1);
  console.error('Is MariaDB running on DATABASE_URL (default 127.0.0.1:3306) and Redis on REDIS_URL?');
  process.exit(1);
});
