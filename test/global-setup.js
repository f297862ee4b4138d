// Runs once before every suite: checks that MariaDB and Redis answer, and names this run
// so each Jest worker can make its own database (lp_test_<run>_<worker>) and Redis prefix.
'use strict';
const mysql = require('mysql2/promise');
const IORedis = require('ioredis');

const databaseUrl = new URL(process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/lp_test');
const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

module.exports = async () => {
  try {
    const connection = await mysql.createConnection({
      host: databaseUrl.hostname,
      port: Number(databaseUrl.port || 3306),
      socketPath: databaseUrl.searchParams.get('socket') || undefined,
      user: decodeURIComponent(databaseUrl.username || 'root'),
      password: decodeURIComponent(databaseUrl.password),
      connectTimeout: 5000,
    });
    await connection.end();
  } catch (error) {
    throw new Error(
      `Tests need MariaDB/MySQL at ${databaseUrl.host} (${error.code || error.message}). ` +
        'Start it (start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd) or set TEST_DATABASE_URL.',
    );
  }
  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Tests need Redis at ${redisUrl} (${error.code || error.message}). ` +
        'Start it (redis-server --daemonize yes --port 6379) or set TEST_REDIS_URL.',
    );
  } finally {
    redis.disconnect();
  }
  process.env.LP_TEST_RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  process.env.TEST_DATABASE_URL = databaseUrl.toString();
  process.env.TEST_REDIS_URL = redisUrl;
};
