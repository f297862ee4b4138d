import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { describeEnvVars } from './env-var.decorator';

export type ConfigClass<T> = new () => T;

/** Thrown when the environment is wrong; its `problems` are one line per variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describeProblem(configClass: object, error: ValidationError): string {
  const secret = describeEnvVars(configClass).get(error.property)?.secret ?? false;
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  const shown = secret || error.value === undefined ? '' : ` (got "${String(error.value)}")`;
  return `${error.property}: ${reasons}${shown}`;
}

function problemsOf<T extends object>(configClass: ConfigClass<T>, env: NodeJS.ProcessEnv) {
  const defaults = new configClass() as Record<string, unknown>;
  const present: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') present[key] = raw;
  }
  const instance = plainToInstance(configClass, present, { exposeDefaultValues: true });
  const errors = validateSync(instance as object, { whitelist: false });
  return { instance, problems: errors.map((e) => describeProblem(configClass, e)) };
}

/** Reads and validates one config class from the environment; defaults come from field initialisers. */
export function readConfig<T extends object>(configClass: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const { instance, problems } = problemsOf(configClass, env);
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return instance;
}

/** Validates several config classes at once, so a start-up reports every wrong variable together. */
export function validateConfigs(configClasses: ConfigClass<object>[], env: NodeJS.ProcessEnv = process.env): void {
  const problems = configClasses.flatMap((c) => problemsOf(c, env).problems);
  if (problems.length > 0) throw new ConfigValidationError([...new Set(problems)]);
}

/**
 * The one sanctioned way for code outside this folder to set variables, used by the test
 * harness and the CLI to point a process at another database before modules are built.
 */
export function setEnvironment(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
