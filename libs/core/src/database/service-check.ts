import { createConnection } from 'mysql2/promise';
import IORedis from 'ioredis';
import { describeMysqlAddress, parseMysqlUrl } from './mysql-url';

/** A required service did not answer; the message says which, where, and how to start it. */
export class ServiceUnavailableError extends Error {
  constructor(service: string, address: string, cause: string, howToStart: string) {
    super(`${service} is not reachable at ${address} (${cause}). ${howToStart}`);
    this.name = 'ServiceUnavailableError';
  }
}

const START_MARIADB =
  'Start it with `start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`, ' +
  'or run `docker compose -f docker/compose.yaml up -d mysql`, or point DATABASE_URL at your server.';
const START_REDIS =
  'Start it with `redis-server --daemonize yes --port 6379`, ' +
  'or run `docker compose -f docker/compose.yaml up -d redis`, or point REDIS_URL at your server.';

function reason(error: unknown): string {
  return error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
}

/** Creates the database named in the URL when it is missing (utf8mb4, case-insensitive collation). */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const address = parseMysqlUrl(url);
  const { host, port, socketPath, user, password, database } = address;
  let connection;
  try {
    connection = await createConnection({ host, port, socketPath, user, password, connectTimeout: 5000 });
  } catch (error) {
    throw new ServiceUnavailableError('MySQL/MariaDB', describeMysqlAddress(address), reason(error), START_MARIADB);
  }
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export async function assertRedisReachable(url: string): Promise<void> {
  const client = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const { host, port } = new URL(url);
    throw new ServiceUnavailableError('Redis', `${host}:${port || 6379}`, reason(error), START_REDIS);
  } finally {
    client.disconnect();
  }
}
