import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { freePort, prepareTestEnvironment, TestRedisServer } from '@lp/testing';
import { withDatabase } from './mysql-url';
import { assertDatabaseReachable, assertRedisReachable, ensureDatabaseExists } from './service-check';

/** The one line an operator reads when a service is down or refuses this process. */
describe('the start-up checks of MySQL and Redis', () => {
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = (await prepareTestEnvironment()).databaseUrl;
  });

  function withPassword(url: string, password: string): string {
    const parsed = new URL(url);
    parsed.password = password;
    return parsed.toString();
  }

  it('tells how to start MySQL when nothing answers', async () => {
    const port = await freePort();
    await expect(ensureDatabaseExists(`mysql://root@127.0.0.1:${port}/lp`)).rejects.toThrow(
      new RegExp(`^MySQL/MariaDB is not reachable at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\. Start it with`),
    );
  });

  it('points at DATABASE_URL when the server refuses the password', async () => {
    const failure = ensureDatabaseExists(withPassword(databaseUrl, 'not-the-password'));
    await expect(failure).rejects.toThrow(
      /refused the user \S+ \(ER_ACCESS_DENIED_ERROR\)\. Check the user and password in DATABASE_URL\.$/,
    );
    await expect(failure).rejects.not.toThrow(/not reachable|Start it/);
  });

  it('points at DATABASE_URL when the server does not know the user', async () => {
    const stranger = new URL(databaseUrl);
    stranger.username = 'lp_no_such_user';
    const failure = ensureDatabaseExists(stranger.toString());
    // MariaDB answers an unknown user with ER_ACCESS_DENIED_NO_PASSWORD_ERROR, MySQL 8 with ER_ACCESS_DENIED_ERROR.
    await expect(failure).rejects.toThrow(
      /refused the user lp_no_such_user \(ER_ACCESS_DENIED_(NO_PASSWORD_)?ERROR\)\. Check the user and password in DATABASE_URL\.$/,
    );
    await expect(failure).rejects.not.toThrow(/not reachable|Start it/);
  });

  it('says the server is up but has no connection free, instead of telling to start it', async () => {
    const root = await createConnection(databaseUrl);
    const user = `lp_one_conn_${process.pid}`;
    await root.query(`CREATE USER ?@'%' IDENTIFIED BY 'pw' WITH MAX_USER_CONNECTIONS 1`, [user]);
    await root.query(`GRANT ALL ON *.* TO ?@'%'`, [user]);
    const limited = new URL(databaseUrl);
    limited.username = user;
    limited.password = 'pw';
    const held = await createConnection(limited.toString());
    try {
      const failure = assertDatabaseReachable(limited.toString());
      await expect(failure).rejects.toThrow(
        new RegExp(
          `at \\S+ has no connection free for the user ${user} \\(ER_(TOO_MANY_USER_CONNECTIONS|USER_LIMIT_REACHED)\\)\\. Stop what holds them`,
        ),
      );
      await expect(failure).rejects.not.toThrow(/not reachable|Start it/);
    } finally {
      await held.end();
      await root.query(`DROP USER ?@'%'`, [user]);
      await root.end();
    }
  });

  it('points at the migration, or DATABASE_URL, when the database is missing', async () => {
    await expect(assertDatabaseReachable(withDatabase(databaseUrl, 'lp_no_such_database'))).rejects.toThrow(
      /has no database lp_no_such_database \(ER_BAD_DB_ERROR\)\. Create it with `node dist\/apps\/cli\/src\/main\.js migrate` \(with Docker compose: `docker compose -f docker\/compose\.yaml run --rm api node dist\/apps\/cli\/src\/main\.js migrate`\), or check the database name in DATABASE_URL\.$/,
    );
    await expect(assertDatabaseReachable(databaseUrl)).resolves.toBeUndefined();
  });

  it('leaves the collation of a database that already has tables to its owner', async () => {
    const name = `${new URL(databaseUrl).pathname.slice(1)}_in_use`;
    const admin = await createConnection(withDatabase(databaseUrl, ''));
    try {
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
      await admin.query(`CREATE TABLE \`${name}\`.their_table (id int)`);
      await ensureDatabaseExists(withDatabase(databaseUrl, name));
      const [[schema]] = await admin.query<RowDataPacket[]>(
        'SELECT DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
        [name],
      );
      expect(schema.collation).toBe('utf8mb4_general_ci');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  });

  it('names the Redis address once, with the real cause, when nothing answers', async () => {
    const port = await freePort();
    await expect(assertRedisReachable(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      new RegExp(`^Redis is not reachable at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\. Start it with`),
    );
  });

  it('points at REDIS_URL when Redis wants a password', async () => {
    const redis = new TestRedisServer({ password: 'redis-secret' });
    await redis.start();
    try {
      await expect(assertRedisReachable(redis.url)).rejects.toThrow(
        /refused this client \(NOAUTH\)\. Check the user and password in REDIS_URL\.$/,
      );
      await expect(assertRedisReachable(withPassword(redis.url, 'wrong'))).rejects.toThrow(/\(WRONGPASS\)\. Check/);
      await expect(assertRedisReachable(withPassword(redis.url, 'redis-secret'))).resolves.toBeUndefined();
    } finally {
      await redis.kill();
    }
  });
});
