import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests each connection sends in turn; see autocannon's `requests`. */
  requests: autocannon.Request[];
}

export interface LoadResult {
  requestsPerSecond: number;
  /** autocannon reports p90 and p97.5; p97.5 is the nearest to a p95 it offers. */
  p97_5Ms: number;
  /** Transport errors, timeouts and non-2xx answers. */
  failed: number;
  total: number;
}

/** Drives the server at 127.0.0.1 with `connections` keep-alive connections for a bounded time. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: options.requests,
    timeout: 10,
  });
  const seconds = Math.max(result.duration, 0.001);
  return {
    requestsPerSecond: result.requests.total / seconds,
    p97_5Ms: result.latency.p97_5,
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
