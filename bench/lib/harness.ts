import { cpus, loadavg, totalmem } from 'node:os';
import { AppConfig, SystemClock, readConfig } from '@lp/core';
import { AccessTokenService, IdentityConfig } from '@lp/identity';
import type { DataSource } from 'typeorm';
import type { ServerLauncher } from '../servers/launchers';
import type { BenchContext, BenchSettings, Scenario } from './context';
import { type BenchRow, failedRow } from './results';

export interface BenchReport {
  takenAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; loadAverage: number[]; node: string };
  settings: BenchSettings;
  rows: BenchRow[];
}

export interface HarnessOptions {
  dataSource: DataSource;
  servers: ServerLauncher;
  settings: BenchSettings;
  scenarios: Scenario[];
  log?: (line: string) => void;
}

/**
 * Runs each scenario in turn (a failure becomes a FAIL row saying what to do next, and the
 * others still run), then stops the servers it started.
 */
export async function runBench(options: HarnessOptions): Promise<BenchReport> {
  const log = options.log ?? (() => undefined);
  const tokens = new AccessTokenService(readConfig(AppConfig), readConfig(IdentityConfig), new SystemClock());
  const context: BenchContext = {
    settings: options.settings,
    dataSource: options.dataSource,
    servers: options.servers,
    // Bench data never sets a password through an invite: everyone is at token version 0.
    tokenFor: (employeeId) => tokens.issue({ employeeId, tokenVersion: 0 }).accessToken,
    log,
  };
  const rows: BenchRow[] = [];
  try {
    for (const scenario of options.scenarios) {
      log(`running ${scenario.name}`);
      try {
        rows.push(...(await scenario.run(context)));
      } catch (error) {
        rows.push(failedRow(scenario.name, scenario.target, error, scenario.nextStep));
      }
    }
  } finally {
    await options.servers.closeAll();
  }
  return {
    takenAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
    },
    settings: options.settings,
    rows,
  };
}
