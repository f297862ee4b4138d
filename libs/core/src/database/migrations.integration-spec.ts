import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { allMigrations } from '@lp/migrations';
import { MakeProgrammeNamesUnique1795905000000 } from '@lp/migrations/1795905000000-MakeProgrammeNamesUnique';
import { lpSchema } from '@lp/migrations/schema';
import { prepareTestEnvironment } from '@lp/testing';
import { buildDataSourceOptions } from './data-source-options';
import { MigrationFailedError } from './migration-journal';
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

describe('a migration that fails part-way', () => {
  let url: string;
  let dataSource: DataSource;

  /** An installation's data, with two names that differ in case only. */
  class CreateThings1700000000000 implements MigrationInterface {
    name = 'CreateThings1700000000000';
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query('CREATE TABLE things (id int PRIMARY KEY, name varchar(40) NOT NULL)');
      await queryRunner.query("INSERT INTO things VALUES (1, 'knife'), (2, 'Knife'), (3, 'torch')");
    }
    async down(): Promise<void> {}
  }

  /** A column, its values, then a unique index on them, which the data above refuses. */
  class AddThingCodes1700000000001 implements MigrationInterface {
    name = 'AddThingCodes1700000000001';
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query('ALTER TABLE things ADD code varchar(40) NULL');
      await queryRunner.query('UPDATE things SET code = UPPER(name)');
      await queryRunner.query('CREATE UNIQUE INDEX uq_things_code ON things (code)');
    }
    async down(): Promise<void> {}
  }

  beforeAll(async () => {
    const { databaseUrl } = await prepareTestEnvironment();
    url = withDatabase(databaseUrl, `${parseMysqlUrl(databaseUrl).database}_partway`);
    await ensureDatabaseExists(url);
    dataSource = await new DataSource(
      buildDataSourceOptions(
        { url, poolSize: 2 },
        { entities: [], migrations: [CreateThings1700000000000, AddThingCodes1700000000001] },
      ),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource.query(`DROP DATABASE IF EXISTS \`${parseMysqlUrl(url).database}\``);
    await dataSource.destroy();
  });

  it('is carried on from where it stopped once its cause is gone, saying meanwhile what of it stays', async () => {
    const failure = [
      expect.stringMatching(
        /^Migration AddThingCodes1700000000001 failed: Duplicate entry 'KNIFE' for key 'uq_things_code', in `CREATE UNIQUE INDEX uq_things_code ON things \(code\)`\. The 1 schema change\(s\) it made, below, stay \(MySQL cannot undo them\) and are not made again: remove the cause, then run .* again\.$/,
      ),
      '  ALTER TABLE things ADD code varchar(40) NULL',
    ];
    const progress: string[] = [];
    const run = () => runMigrationsExclusively(dataSource, (line) => progress.push(line));
    await expect(run()).rejects.toThrow(MigrationFailedError);
    await expect(run().catch((error: Error) => error.message.split('\n'))).resolves.toEqual(failure);
    expect(progress.at(-1)).toBe(
      '  AddThingCodes1700000000001: already made, skipped: ALTER TABLE things ADD code varchar(40) NULL',
    );

    await dataSource.query("DELETE FROM things WHERE name = 'Knife' COLLATE utf8mb4_bin");
    expect((await run()).map((migration) => migration.name)).toEqual(['AddThingCodes1700000000001']);
    expect(await dataSource.query('SELECT code FROM things ORDER BY id')).toEqual([
      { code: 'KNIFE' },
      { code: 'TORCH' },
    ]);
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM migration_schema_changes')).toEqual([{ n: 0 }]);
  }, 60_000);
});

describe('programme names made unique', () => {
  let url: string;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    const { databaseUrl } = await prepareTestEnvironment();
    url = withDatabase(databaseUrl, `${parseMysqlUrl(databaseUrl).database}_names`);
    await ensureDatabaseExists(url);
  });

  afterAll(async () => {
    await dataSource?.query(`DROP DATABASE IF EXISTS \`${parseMysqlUrl(url).database}\``);
    await dataSource?.destroy();
  });

  it('keeps a shared name on the first programme and gives the others the first free "Name (CODE)"', async () => {
    const uniqueNames = allMigrations.indexOf(MakeProgrammeNamesUnique1795905000000);
    const before = { ...lpSchema, migrations: allMigrations.slice(0, uniqueNames) };
    const earlier = await new DataSource(buildDataSourceOptions({ url, poolSize: 2 }, before)).initialize();
    await runMigrationsExclusively(earlier);
    await earlier.query(
      `INSERT INTO certification_programs (code, name, validity_months, recertify_window_days, reminder_offsets_days)
       VALUES ('LPB', 'LP Basics', 12, 30, '[]'), ('LPB2', 'lp basics', 12, 30, '[]'),
              ('OLD', 'LP Basics (LPB2)', 12, 30, '[]'), ('LPB3', 'LP Basics', 12, 30, '[]')`,
    );
    await earlier.destroy();

    dataSource = await new DataSource(buildDataSourceOptions({ url, poolSize: 2 }, lpSchema)).initialize();
    await runMigrationsExclusively(dataSource);
    expect(await dataSource.query('SELECT code, name FROM certification_programs ORDER BY id')).toEqual([
      { code: 'LPB', name: 'LP Basics' },
      { code: 'LPB2', name: 'lp basics (LPB2 2)' },
      { code: 'OLD', name: 'LP Basics (LPB2)' },
      { code: 'LPB3', name: 'LP Basics (LPB3)' },
    ]);
  }, 120_000);
});
