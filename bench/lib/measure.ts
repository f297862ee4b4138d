import type autocannon from 'autocannon';
import type { BenchContext } from './context';
import { type LoadResult, runLoad } from './load';

/**
 * Warms up, then measures; the same for ours and the baseline so they compare. The warm-up
 * first waits for twice as many answers as connections: a scenario's first requests are
 * cold (first execution of its resolvers and queries) and, on a loaded machine, can outlast
 * any fixed warm-up time and leave the measurement at zero.
 */
export async function measure(
  context: BenchContext,
  url: string,
  requests: autocannon.Request[],
  connections = context.settings.connections,
): Promise<LoadResult> {
  const { durationSeconds, warmupSeconds } = context.settings;
  await runLoad({ url, connections, until: { answers: connections * 2 }, requests });
  if (warmupSeconds > 0) await runLoad({ url, connections, until: { seconds: warmupSeconds }, requests });
  return runLoad({ url, connections, until: { seconds: durationSeconds }, requests });
}

/** Counts GraphQL answers carrying `errors` (HTTP 200 with errors is still a failure here). */
export class GraphqlErrorCounter {
  count = 0;
  firstMessage?: string;

  check(body: string): unknown {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { message: string }[] };
    if (parsed.errors?.length) {
      this.count += 1;
      this.firstMessage ??= parsed.errors[0].message;
      return undefined;
    }
    return parsed.data;
  }

  describe(total: number): string | undefined {
    return this.count === 0 ? undefined : `${this.count} of ${total} answers had errors, e.g. "${this.firstMessage}"`;
  }
}

function average(results: LoadResult[]): LoadResult {
  const mean = (pick: (r: LoadResult) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  return {
    requestsPerSecond: mean((r) => r.requestsPerSecond),
    p95Ms: mean((r) => r.p95Ms),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
    total: results.reduce((sum, r) => sum + r.total, 0),
  };
}

/**
 * Measures the baseline and ours in turn, `settings.rounds` times, and averages each side:
 * interleaving spreads a burst of load from other processes over both sides.
 */
export async function compare(
  context: BenchContext,
  baseline: () => Promise<LoadResult>,
  ours: () => Promise<LoadResult>,
): Promise<{ ours: LoadResult; baseline: LoadResult }> {
  const results = { ours: [] as LoadResult[], baseline: [] as LoadResult[] };
  for (let round = 0; round < context.settings.rounds; round++) {
    results.baseline.push(await baseline());
    results.ours.push(await ours());
  }
  return { ours: average(results.ours), baseline: average(results.baseline) };
}
