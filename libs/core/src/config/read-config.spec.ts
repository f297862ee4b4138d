import { AppConfig } from './app.config';
import { DatabaseConfig } from './database.config';
import { ConfigValidationError, readConfig, validateConfigs } from './read-config';
import { RedisConfig } from './redis.config';

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = readConfig(DatabaseConfig, {});
    expect(config.DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/lp_academy');
    expect(readConfig(AppConfig, {}).PORT).toBe(3000);
  });

  it('converts numbers and booleans', () => {
    const config = readConfig(AppConfig, { PORT: '8080', DEMO_DATA: 'false' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO_DATA).toBe(false);
  });

  it('reports one line per wrong variable, naming it', () => {
    try {
      validateConfigs([AppConfig, RedisConfig], { PORT: 'eighty', REDIS_URL: 'http://nope', DEMO_DATA: 'maybe' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"eighty"');
      expect(problems.some((p) => p.startsWith('REDIS_URL:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('DEMO_DATA:'))).toBe(true);
    }
  });

  it('takes a database URL with a Unix socket, and refuses other URL options', () => {
    const socketUrl = 'mysql://root@localhost/lp_academy?socket=/run/mysqld/mysqld.sock';
    expect(readConfig(DatabaseConfig, { DATABASE_URL: socketUrl }).DATABASE_URL).toBe(socketUrl);
    for (const DATABASE_URL of [
      'mysql://root@localhost/lp_academy?ssl=true',
      'mysql://root@localhost/lp?socket=mysqld.sock',
    ]) {
      expect(() => readConfig(DatabaseConfig, { DATABASE_URL })).toThrow(/DATABASE_URL: .*\?socket=\/path/);
    }
  });

  it('never echoes a secret back', () => {
    try {
      readConfig(AppConfig, { JWT_SECRET: 'short-secret' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      const [line] = (error as ConfigValidationError).problems;
      expect(line).toMatch(/^JWT_SECRET:/);
      expect(line).not.toContain('short-secret');
    }
  });
});
