import { AppConfig } from './app.config';
import { DatabaseConfig } from './database.config';
import { MailConfig } from './mail.config';
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

  it('refuses a service URL its client could not parse, before anything connects', () => {
    const port = /its port must be a number from 1 to 65535/;
    for (const DATABASE_URL of ['mysql://root@127.0.0.1:abc/x', 'mysql://root@127.0.0.1:99999/x']) {
      expect(() => readConfig(DatabaseConfig, { DATABASE_URL })).toThrow(port);
    }
    expect(() => readConfig(DatabaseConfig, { DATABASE_REPLICA_URL: 'mysql://r@db:0/x' })).toThrow(port);
    expect(() => readConfig(DatabaseConfig, { DATABASE_URL: 'mysql://[oops/x' })).toThrow(
      /DATABASE_URL: must look like/,
    );
    expect(() => readConfig(RedisConfig, { REDIS_URL: 'redis://127.0.0.1:abc' })).toThrow(port);
    expect(() => readConfig(MailConfig, { SMTP_URL: 'smtp://host:notaport' })).toThrow(port);
    expect(() => readConfig(MailConfig, { SMTP_URL: 'smtp://:587' })).toThrow(/SMTP_URL: must look like smtp:/);
  });

  it('takes service URLs with and without a port', () => {
    const urls = {
      DATABASE_URL: 'mysql://lp:p%40ss@db.internal/lp_academy',
      REDIS_URL: 'rediss://:secret@cache:6380/2',
      SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
    };
    expect(() => validateConfigs([DatabaseConfig, RedisConfig, MailConfig], urls)).not.toThrow();
    expect(readConfig(MailConfig, { SMTP_URL: 'smtp://relay' }).SMTP_URL).toBe('smtp://relay');
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
