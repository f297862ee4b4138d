import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { IsServiceUrl, type ServiceUrlForm } from './service-url';
import { ToInteger } from './transformers';

const MYSQL_URL: ServiceUrlForm = {
  schemes: ['mysql'],
  pattern: /^mysql:\/\/[^/?]+\/[A-Za-z0-9_]+(\?socket=\/[^&]+)?$/,
  message:
    'must look like mysql://user:password@host:3306/database, or mysql://user@localhost/database?socket=/path/to/mysqld.sock',
};

export class DatabaseConfig {
  @EnvVar({
    description:
      'MySQL 8 / MariaDB 10.11 URL, mysql://user:password@host:port/database; with ?socket=/path/to/mysqld.sock the server on this host is reached through its Unix socket, which costs less per statement than TCP',
    secret: false,
  })
  @IsServiceUrl(MYSQL_URL)
  DATABASE_URL = 'mysql://root@127.0.0.1:3306/lp_academy';

  @EnvVar({ description: 'Optional read replica for reports, same form as DATABASE_URL' })
  @IsOptional()
  @IsServiceUrl(MYSQL_URL)
  DATABASE_REPLICA_URL?: string = undefined;

  @EnvVar({
    description:
      'mysql or mariadb: the server kind, so TypeORM reads its schema right (migration:generate sets it itself)',
  })
  @IsIn(['mysql', 'mariadb'])
  DATABASE_DIALECT: 'mysql' | 'mariadb' = 'mysql';

  @EnvVar({ description: 'Connections per process in the pool' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;
}
