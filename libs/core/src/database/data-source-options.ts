import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { MysqlDataSourceOptions } from 'typeorm/driver/mysql/MysqlDataSourceOptions';
import { parseMysqlUrl } from './mysql-url';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { deadlineAwareMysql2 } from './statement-deadline';

export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export interface DataSourceSettings {
  url: string;
  /** TypeORM reads MariaDB's catalogue differently (JSON as LONGTEXT, 'NULL' defaults). */
  dialect?: 'mysql' | 'mariadb';
  replicaUrl?: string;
  poolSize?: number;
}

function credentials(url: string) {
  // mysql2 connects through socketPath when it is set, and to host and port otherwise.
  const { host, port, socketPath, user, password, database } = parseMysqlUrl(url);
  return { host, port, socketPath, username: user, password, database };
}

/**
 * The one definition of how LP Academy talks to MySQL, shared by the API, the worker, the
 * CLI, the migration CLI and the tests. Times are stored in UTC; `synchronize` is never on:
 * the schema comes from migrations everywhere. A SELECT run inside a request with a deadline
 * (the API's execution timeout) is stopped by the server when the deadline passes.
 */
export function buildDataSourceOptions(settings: DataSourceSettings, schema: SchemaParts): DataSourceOptions {
  const common: MysqlDataSourceOptions = {
    type: settings.dialect ?? 'mysql',
    driver: deadlineAwareMysql2(),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    entities: schema.entities,
    migrations: schema.migrations,
    poolSize: settings.poolSize ?? 10,
    extra: {
      connectionLimit: settings.poolSize ?? 10,
      enableKeepAlive: true,
      // mysql2's promise API captures a stack trace for every statement, only to decorate its
      // errors: 2 % of the API's CPU under the dashboard bench. TypeORM's QueryFailedError is
      // made where the statement was awaited, so it carries the caller's async stack anyway.
      trace: false,
    },
  };
  if (settings.replicaUrl) {
    return {
      ...common,
      replication: { master: credentials(settings.url), slaves: [credentials(settings.replicaUrl)] },
    };
  }
  return { ...common, ...credentials(settings.url) };
}
