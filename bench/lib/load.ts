import autocannon from 'autocannon';
import { build } from 'hdr-histogram-js';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load, or `{ answers }` to stop after that many answers however long they take. */
  until: { seconds: number } | { answers: number };
  /** Requests each connection sends in turn; see autocannon's `requests`. */
  requests: autocannon.Request[];
}

export interface LoadResult {
  requestsPerSecond: number;
  p95Ms: number;
  /** Transport errors, timeouts and non-2xx answers. */
  failed: number;
  total: number;
}

/** Drives the server at 127.0.0.1 with `connections` keep-alive connections for a bounded time. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  // autocannon's summary stops at p90 and p97.5: p95 comes from the answers' own latencies,
  // 2xx only, as autocannon records them.
  const latencies = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10_000,
    numberOfSignificantValueDigits: 5,
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...('seconds' in options.until ? { duration: options.until.seconds } : { amount: options.until.answers }),
        requests: options.requests,
        timeout: 10,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.recordValue(responseTime);
    });
  });
  const seconds = Math.max(result.duration, 0.001);
  return {
    requestsPerSecond: result.requests.total / seconds,
    p95Ms: latencies.getValueAtPercentile(95),
    failed: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

/** A GraphQL POST as an autocannon request. */
export function graphqlRequest(query: string, headers: Record<string, string> = {}): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  };
}
