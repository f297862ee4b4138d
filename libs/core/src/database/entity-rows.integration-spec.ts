import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { prepareTestEnvironment } from '@lp/testing';
import { buildDataSourceOptions } from './data-source-options';
import { EntityRows } from './entity-rows';

@Entity('entity_rows_probes')
class ProbeEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  shortName!: string;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'json' })
  offsetsDays!: number[];

  @Column({
    type: 'decimal',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  scorePercent!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'date' })
  hireDate!: string;
}

describe('EntityRows', () => {
  let dataSource: DataSource;
  const rows = new EntityRows(ProbeEntity, 'x_');

  beforeAll(async () => {
    const { databaseUrl } = await prepareTestEnvironment();
    dataSource = await new DataSource(
      buildDataSourceOptions({ url: databaseUrl, poolSize: 2 }, { entities: [ProbeEntity], migrations: [] }),
    ).initialize();
    await dataSource.query('DROP TABLE IF EXISTS entity_rows_probes');
    await dataSource.query(`CREATE TABLE entity_rows_probes (
      id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, short_name VARCHAR(20) NOT NULL, passed TINYINT NULL,
      offsets_days JSON NOT NULL, score_percent DECIMAL(5,2) NULL, submitted_at DATETIME(3) NULL, hire_date DATE NOT NULL)`);
    await dataSource.getRepository(ProbeEntity).insert([
      {
        shortName: 'full',
        passed: true,
        offsetsDays: [30, 7],
        scorePercent: 87.5,
        submittedAt: new Date('2026-03-01T09:30:00.250Z'),
        hireDate: '2025-11-03',
      },
      {
        shortName: 'empty',
        passed: null,
        offsetsDays: [],
        scorePercent: null,
        submittedAt: null,
        hireDate: '2026-01-05',
      },
    ]);
  });

  afterAll(async () => {
    await dataSource.query('DROP TABLE IF EXISTS entity_rows_probes');
    await dataSource.destroy();
  });

  it('selects every column under its prefix and reads each value as TypeORM does', async () => {
    expect(rows.columns(dataSource, 'p')).toBe(
      'p.id AS x_id, p.short_name AS x_short_name, p.passed AS x_passed, p.offsets_days AS x_offsets_days, ' +
        'p.score_percent AS x_score_percent, p.submitted_at AS x_submitted_at, p.hire_date AS x_hire_date',
    );
    const raw = (await dataSource.query(
      `SELECT ${rows.columns(dataSource, 'p')} FROM entity_rows_probes p ORDER BY p.id`,
    )) as Record<string, unknown>[];
    const read = raw.map((row) => rows.from(dataSource, row));
    const found = await dataSource.getRepository(ProbeEntity).find({ order: { id: 'ASC' } });
    expect(read).toEqual(found);
    expect(read[0]).toBeInstanceOf(ProbeEntity);
    expect(read[0]).toMatchObject({ passed: true, offsetsDays: [30, 7], scorePercent: 87.5, hireDate: '2025-11-03' });
    expect(read[1]).toMatchObject({ passed: null, offsetsDays: [], scorePercent: null, submittedAt: null });
  });
});
