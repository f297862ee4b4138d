import { ServiceUnavailableException } from '@nestjs/common';
import type {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorResult,
} from '@nestjs/terminus';

function statusesOnly(results: Partial<HealthIndicatorResult> | undefined): HealthIndicatorResult | undefined {
  return (
    results &&
    Object.fromEntries(
      Object.entries(results).flatMap(([key, result]) => (result ? [[key, { status: result.status }]] : [])),
    )
  );
}

/**
 * Runs the health checks for an unauthenticated caller (a load balancer, an orchestrator):
 * 200 when all are up, else 503 naming what is down. A down check's message (a database
 * host and port, a database user) is left out of the answer; terminus logs it.
 */
export async function checkHealthPublicly(
  health: HealthCheckService,
  indicators: HealthIndicatorFunction[],
): Promise<HealthCheckResult> {
  try {
    return await health.check(indicators);
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    const result = error.getResponse() as HealthCheckResult;
    throw new ServiceUnavailableException({
      status: result.status,
      info: statusesOnly(result.info),
      error: statusesOnly(result.error),
      details: statusesOnly(result.details),
    });
  }
}
