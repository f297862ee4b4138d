import { DataSource } from 'typeorm';
import { lpSchema } from '@lp/migrations/schema';
import { prepareTestEnvironment } from '@lp/testing';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrationsExclusively } from './migrations';
import { parseMysqlUrl, withDatabase } from './mysql-url';
import { ensureDatabaseExists } from './service-check';

describe('migrations run by processes that start together', () => {
  let url: string;
  const dataSources: DataSource[] = [];

  beforeAll(async () => {
    const { databaseUrl } = await prepareTestEnvironment();
    url = withDatabase(databaseUrl, `${parseMysqlUrl(databaseUrl).database}_migrate`);
    await ensureDatabaseExists(url);
  });

  afterAll(async () => {
    await dataSources[0]?.query(`DROP DATABASE IF EXISTS \`${parseMysqlUrl(url).database}\``);
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
  });

  it('apply each migration once: the later process waits, then finds nothing to do', async () => {
    for (let i = 0; i < 2; i++) {
      dataSources.push(await new DataSource(buildDataSourceOptions({ url, poolSize: 2 }, lpSchema)).initialize());
    }
    const applied = await Promise.all(dataSources.map((dataSource) => runMigrationsExclusively(dataSource)));
    expect(applied.map((migrations) => migrations.length).sort()).toEqual([0, dataSources[0].migrations.length]);
    const [{ locks }] = await dataSources[0].query(
      "SELECT IS_USED_LOCK(LEFT(CONCAT('lp-academy-migrations:', DATABASE()), 64)) AS locks",
    );
    expect(locks).toBeNull();
  }, 120_000);
});
