import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { type ConfigClass, describeEnvVars } from '@lp/core';
import { API_CONFIG } from '../../api/src/app.module';
import { WORKER_CONFIG } from '../../worker/src/worker.module';
import { START_CONFIG } from './commands/start.command';

const ROOT = join(__dirname, '..', '..', '..');

/** Every variable a config class reads, with its default as the environment would spell it ('' for none). */
function variablesOf(configClasses: ConfigClass<object>[]): Map<string, string> {
  const variables = new Map<string, string>();
  for (const configClass of configClasses) {
    const defaults = new configClass() as Record<string, unknown>;
    for (const name of describeEnvVars(configClass).keys()) variables.set(name, String(defaults[name] ?? ''));
  }
  return variables;
}

/**
 * The README sends operators to .env.example for "every variable, its default and meaning":
 * a variable added to a config class, or a default changed there, must show up in it.
 */
describe('the documented configuration', () => {
  const documented = parseEnv(readFileSync(join(ROOT, '.env.example'), 'utf8'));
  const read = variablesOf(START_CONFIG);

  it('is what `npm start` checks: everything the API, the worker and the CLI read', () => {
    for (const configClass of [...API_CONFIG, ...WORKER_CONFIG]) expect(START_CONFIG).toContain(configClass);
  });

  it('lists every variable the code reads, with its real default', () => {
    expect(Object.fromEntries([...read].sort())).toEqual(Object.fromEntries(Object.entries(documented).sort()));
  });
});
