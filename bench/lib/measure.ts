import type autocannon from 'autocannon';
import type { BenchContext } from './context';
import { type LoadResult, runLoad } from './load';

/** Warms up, then measures; the same for ours and the baseline so they compare. */
export async function measure(
  context: BenchContext,
  url: string,
  requests: autocannon.Request[],
  connections = context.settings.connections,
): Promise<LoadResult> {
  const { durationSeconds, warmupSeconds } = context.settings;
  if (warmupSeconds > 0) await runLoad({ url, connections, durationSeconds: warmupSeconds, requests });
  return runLoad({ url, connections, durationSeconds, requests });
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
