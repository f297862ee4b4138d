import type { DataSource } from 'typeorm';
import type { ServerLauncher } from '../servers/launchers';
import type { BenchRow } from './results';

export interface BenchSettings {
  /** Seconds of load per measurement (each scenario measures ours and its baseline). */
  durationSeconds: number;
  /** Seconds of load before each measurement, thrown away (JIT, pools, caches). */
  warmupSeconds: number;
  /** Times each HTTP scenario measures the baseline and ours in turn; the figures are their means. */
  rounds: number;
  /** Concurrent HTTP connections. */
  connections: number;
  /** Emails sent through each path (scenario 5). */
  emails: number;
  /** Employees in the imported CSV (scenario 6). */
  importRows: number;
  /** Rows inserted one by one to price a single-row insert (scenario 6). */
  singleRowSample: number;
  /** Assignments completed per second (scenario 8). */
  completionRate: number;
  /** Seconds of completions (scenario 8). */
  completionSeconds: number;
  /**
   * Scenario 8 sends only the store events a completion causes (SnapshotTrigger.recompute),
   * to load the recompute side at rates the completions themselves cannot reach here.
   */
  storeEventsOnly: boolean;
}

export interface BenchContext {
  settings: BenchSettings;
  /** The bench database, with a small pool of its own. */
  dataSource: DataSource;
  servers: ServerLauncher;
  /** An access token as the API's AccessTokenService issues it. */
  tokenFor(employeeId: number): string;
  log(line: string): void;
}

export interface Scenario {
  name: string;
  /** The target ratio shown when the scenario fails before measuring. */
  target: number | null;
  /** What to do when it fails. */
  nextStep: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
