// Drops this run's databases and Redis keys, whatever the outcome of the tests.
'use strict';
const mysql = require('mysql2/promise');
const IORedis = require('ioredis');

module.exports = async () => {
  const run = process.env.LP_TEST_RUN;
  if (!run) return;
  const url = new URL(process.env.TEST_DATABASE_URL);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`lp_test_${run}%`]);
  for (const row of rows) await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  await connection.end();

  const redis = new IORedis(process.env.TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `lp_test_${run}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
};
