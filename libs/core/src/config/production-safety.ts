import { type AppConfig, DEFAULT_JWT_SECRET } from './app.config';
import { ConfigValidationError } from './read-config';

/** Production refuses development secrets and demo data: the API at start-up, and `start` before it migrates. */
export function assertSafeForProduction(config: AppConfig): void {
  if (!config.isProduction) return;
  const problems: string[] = [];
  if (config.JWT_SECRET === DEFAULT_JWT_SECRET) problems.push('JWT_SECRET: set a secret of your own in production');
  if (config.DEMO_DATA) problems.push('DEMO_DATA: must be false in production');
  if (problems.length > 0) throw new ConfigValidationError(problems);
}
