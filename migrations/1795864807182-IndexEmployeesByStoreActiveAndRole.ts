import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extends the (store, active) index of `employees` with the job role, so that the reports
 * find each store's audience members in the index alone: the chain's programme figures
 * read 100,000 employee rows for their job role and took 1.1 s, 0.4–0.6 s from the index.
 * One statement each way, so that the store foreign key always has an index and a failure
 * leaves the old one in place.
 */
export class IndexEmployeesByStoreActiveAndRole1795864807182 implements MigrationInterface {
  name = 'IndexEmployeesByStoreActiveAndRole1795864807182';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`employees\`
              ADD INDEX \`idx_employees_store_active_role\` (\`store_id\`, \`active\`, \`job_role_id\`),
              DROP INDEX \`idx_employees_store_active\`
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`employees\`
              ADD INDEX \`idx_employees_store_active\` (\`store_id\`, \`active\`),
              DROP INDEX \`idx_employees_store_active_role\`
        `);
  }
}
