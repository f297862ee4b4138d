import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './app.config';
import { EnvFileError, loadEnvFile } from './env-file';
import { readConfig } from './read-config';

describe('the .env file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lp-env-'));
  const file = join(directory, '.env');
  writeFileSync(file, '# settings\nLOG_LEVEL=debug\nPORT=3100\nAPP_URL="https://lp.example.com"\nDEMO_DATA=false\n');

  it('supplies the variables the environment does not set', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(file, env)).toBe(true);
    const config = readConfig(AppConfig, env);
    expect(config).toMatchObject({ LOG_LEVEL: 'debug', PORT: 3100, APP_URL: 'https://lp.example.com' });
  });

  it('never overrides a variable that is set, even to nothing', () => {
    const env: NodeJS.ProcessEnv = { PORT: '3200', DEMO_DATA: '' };
    loadEnvFile(file, env);
    expect(env).toMatchObject({ PORT: '3200', DEMO_DATA: '', LOG_LEVEL: 'debug' });
    expect(readConfig(AppConfig, env)).toMatchObject({ PORT: 3200, DEMO_DATA: true });
  });

  it('is optional', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(join(directory, 'missing.env'), env)).toBe(false);
    expect(env).toEqual({});
  });

  it('says what to do when it cannot be read', () => {
    // A directory stands for an unreadable file: root reads any file whatever its mode.
    expect(() => loadEnvFile(directory, {})).toThrow(EnvFileError);
    expect(() => loadEnvFile(directory, {})).toThrow(/^Cannot read .* \(EISDIR\)\. Fix its permissions/);
  });
});
