import type { DataSource } from 'typeorm';
import { SeedJobRoles1795772176800 } from '@lp/migrations/1795772176800-SeedJobRoles';

/** Empties every table but the migrations log, then restores the reference data migrations seed. */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables = (await dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
  )) as { name: string }[];
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { name } of tables) await runner.query(`TRUNCATE TABLE \`${name}\``);
    await runner.query('SET FOREIGN_KEY_CHECKS = 1');
    await new SeedJobRoles1795772176800().up(runner);
  } finally {
    await runner.release();
  }
}
