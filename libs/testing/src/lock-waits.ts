import type { DataSource } from 'typeorm';

/**
 * Waits (up to 3 s) until at least `count` transactions wait for a lock while running a
 * statement that mentions `table`: the moment a test may close a lock cycle around them.
 * InnoDB answers from a cache while it is read more often than every 100 ms, hence the pause.
 */
export async function lockWaitsOn(dataSource: DataSource, table: string, count = 1): Promise<void> {
  for (let tries = 0; tries < 20; tries++) {
    const [{ waits }] = (await dataSource.query(
      `SELECT COUNT(*) AS waits FROM information_schema.INNODB_TRX
        WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE ?`,
      [`%${table}%`],
    )) as { waits: string }[];
    if (Number(waits) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
