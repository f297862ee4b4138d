import { type Connection, createConnection, type RowDataPacket } from 'mysql2/promise';
import IORedis from 'ioredis';
import { MIGRATE_COMMAND } from './migrations';
import { describeMysqlAddress, type MysqlAddress, parseMysqlUrl } from './mysql-url';

/** A required service did not answer or refused this process; the message says which, where, and what to do. */
export class ServiceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

const START_MARIADB =
  'Start it with `start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`, ' +
  'or run `docker compose -f docker/compose.yaml up -d mysql`, or point DATABASE_URL at your server.';
const START_REDIS =
  'Start it with `redis-server --daemonize yes --port 6379`, ' +
  'or run `docker compose -f docker/compose.yaml up -d redis`, or point REDIS_URL at your server.';

/** What a failure says about itself; not through instanceof Error, which errors of Node's own realm fail under Jest. */
function detailsOf(error: unknown): { code?: string; message?: string } {
  return typeof error === 'object' && error !== null ? error : {};
}

function reason(error: unknown): string {
  const { code, message } = detailsOf(error);
  return code ?? message ?? String(error);
}

/** The server answered but said no: the advice is about DATABASE_URL, not about starting it. */
function mysqlFailure(error: unknown, address: MysqlAddress): ServiceUnavailableError {
  const where = describeMysqlAddress(address);
  const { code } = detailsOf(error);
  switch (code) {
    // The second is MariaDB's answer to a user it does not know, or one signing in through the Unix socket only.
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new ServiceUnavailableError(
        `MySQL/MariaDB at ${where} refused the user ${address.user} (${code}). Check the user and password in DATABASE_URL.`,
      );
    case 'ER_DBACCESS_DENIED_ERROR':
      return new ServiceUnavailableError(
        `MySQL/MariaDB at ${where} does not let the user ${address.user} create or use the database ${address.database} (${code}). ` +
          'Grant it the rights, or check the user and the database name in DATABASE_URL.',
      );
    case 'ER_BAD_DB_ERROR':
      return new ServiceUnavailableError(
        `MySQL/MariaDB at ${where} has no database ${address.database} (${code}). ` +
          `Create it with ${MIGRATE_COMMAND}, or check the database name in DATABASE_URL.`,
      );
    // The server is up, but has no connection left for this process (all of them, or the user's).
    case 'ER_CON_COUNT_ERROR':
    case 'ER_TOO_MANY_USER_CONNECTIONS':
    case 'ER_USER_LIMIT_REACHED':
      return new ServiceUnavailableError(
        `MySQL/MariaDB at ${where} has no connection free for the user ${address.user} (${code}). ` +
          "Stop what holds them (another LP Academy, a stuck client), or raise the server's max_connections " +
          "(or the user's limit) above the sum of every process's DATABASE_POOL_SIZE, then try again.",
      );
    default:
      return new ServiceUnavailableError(
        `MySQL/MariaDB is not reachable at ${where} (${reason(error)}). ${START_MARIADB}`,
      );
  }
}

async function connectToMysql(address: MysqlAddress, withDatabase: boolean) {
  const { host, port, socketPath, user, password, database } = address;
  try {
    return await createConnection({
      host,
      port,
      socketPath,
      user,
      password,
      database: withDatabase ? database : undefined,
      connectTimeout: 5000,
    });
  } catch (error) {
    throw mysqlFailure(error, address);
  }
}

/** The collation of LP Academy's tables, and of its connections (`charset` in data-source-options.ts). */
const COLLATION = 'utf8mb4_unicode_ci';

/**
 * An empty database made by hand (a DBA's plain `CREATE DATABASE`) has the server's default
 * collation, which its tables would inherit; a migration comparing a column with a string
 * of the connection's collation then fails half-way with "Illegal mix of collations".
 */
async function useOurCollationWhileEmpty(connection: Connection, address: MysqlAddress): Promise<void> {
  const [[schema]] = await connection.query<RowDataPacket[]>(
    `SELECT DEFAULT_COLLATION_NAME AS collation,
            (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?) AS tables
       FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`,
    [address.database, address.database],
  );
  if (schema.collation === COLLATION || Number(schema.tables) > 0) return;
  const alter = `ALTER DATABASE \`${address.database}\` CHARACTER SET utf8mb4 COLLATE ${COLLATION}`;
  try {
    await connection.query(alter);
  } catch (error) {
    throw new ServiceUnavailableError(
      `The database ${address.database} uses the collation ${schema.collation}, and LP Academy's tables need ${COLLATION}; ` +
        `the user ${address.user} may not change it (${reason(error)}). Run \`${alter}\` as its owner, then try again.`,
    );
  }
}

/**
 * Creates the database named in the URL when it is missing (utf8mb4, case-insensitive
 * collation), and gives an empty one made by hand that collation.
 */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const address = parseMysqlUrl(url);
  const connection = await connectToMysql(address, false);
  try {
    await connection
      .query(`CREATE DATABASE IF NOT EXISTS \`${address.database}\` CHARACTER SET utf8mb4 COLLATE ${COLLATION}`)
      .catch((error: unknown) => {
        throw mysqlFailure(error, address);
      });
    await useOurCollationWhileEmpty(connection, address);
  } finally {
    await connection.end();
  }
}

/** Checks that the database named in the URL can be used, for a process that does not create it (the worker). */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const connection = await connectToMysql(parseMysqlUrl(url), true);
  await connection.end();
}

export async function assertRedisReachable(url: string): Promise<void> {
  const client = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() rejects with "Connection is closed."; the cause (ECONNREFUSED…) came as an event.
  let lastError: unknown;
  client.on('error', (error) => (lastError = error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const cause = lastError ?? error;
    const { hostname, port } = new URL(url);
    const where = `${hostname}:${port || 6379}`;
    const refusal = /^(NOAUTH|WRONGPASS)\b/.exec(detailsOf(cause).message ?? '');
    if (refusal) {
      throw new ServiceUnavailableError(
        `Redis at ${where} refused this client (${refusal[1]}). Check the user and password in REDIS_URL.`,
      );
    }
    throw new ServiceUnavailableError(`Redis is not reachable at ${where} (${reason(cause)}). ${START_REDIS}`);
  } finally {
    client.disconnect();
  }
}
