import { DataSource, type EntityManager, QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { prepareTestEnvironment } from '@lp/testing';
import { buildDataSourceOptions } from './data-source-options';
import { executePrepared } from './prepared-statement';

describe('executePrepared', () => {
  let dataSource: DataSource;
  const insert = 'INSERT INTO prepared_probes (name, at) VALUES (?, ?), (?, ?)';
  const names = async () =>
    ((await dataSource.query('SELECT name FROM prepared_probes ORDER BY id')) as { name: string }[]).map((r) => r.name);

  beforeAll(async () => {
    const { databaseUrl } = await prepareTestEnvironment();
    dataSource = await new DataSource(
      buildDataSourceOptions({ url: databaseUrl, poolSize: 2 }, { entities: [], migrations: [] }),
    ).initialize();
    await dataSource.query('DROP TABLE IF EXISTS prepared_probes');
    await dataSource.query(
      'CREATE TABLE prepared_probes (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(5) NOT NULL, at DATETIME(3) NOT NULL)',
    );
  });
  afterAll(async () => {
    await dataSource.query('DROP TABLE IF EXISTS prepared_probes');
    await dataSource.destroy();
  });
  beforeEach(() => dataSource.query('DELETE FROM prepared_probes'));

  it('writes through a connection of its own, returned to the pool (of two), with times in UTC', async () => {
    const at = new Date('2026-03-29T01:30:00.250Z');
    for (let run = 0; run < 3; run++) {
      await executePrepared(dataSource.manager, insert, [`a${run}`, at, `b${run}`, at]);
    }

    expect(await names()).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    const [{ text }] = (await dataSource.query(
      "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') AS text FROM prepared_probes LIMIT 1",
    )) as { text: string }[];
    expect(text).toBe('2026-03-29 01:30:00.250000');
  });

  it("writes in the caller's transaction, and refuses one that has ended", async () => {
    let ended: EntityManager | undefined;
    const abandoned = dataSource.transaction(async (manager) => {
      ended = manager;
      await executePrepared(manager, insert, ['a', new Date(), 'b', new Date()]);
      const [{ n }] = (await manager.query('SELECT COUNT(*) AS n FROM prepared_probes')) as { n: number }[];
      expect(Number(n)).toBe(2);
      throw new Error('changed my mind');
    });
    await expect(abandoned).rejects.toThrow('changed my mind');

    expect(await names()).toEqual([]);
    await expect(executePrepared(ended!, insert, ['c', new Date(), 'd', new Date()])).rejects.toThrow(
      QueryRunnerProviderAlreadyReleasedError,
    );
  });

  it("fails as TypeORM's queries do, writing nothing", async () => {
    const tooLong = executePrepared(dataSource.manager, insert, ['fine', new Date(), 'too long', new Date()]);

    await expect(tooLong).rejects.toThrow(QueryFailedError);
    await expect(tooLong).rejects.toThrow(/too long/i);
    expect(await names()).toEqual([]);
  });
});
