import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `employees (role, active)`: the reminder planning looks up everyone active in HR — for
 * each batch of escalations standing in for stores without managers, for expiry notices and
 * for digests — and without an index each look-up read all 100,000 employees of a large
 * chain (27 whole-table reads in one planning run on the bench's chain).
 */
export class IndexEmployeesByRole1795910000000 implements MigrationInterface {
  name = 'IndexEmployeesByRole1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`idx_employees_role_active\` ON \`employees\` (\`role\`, \`active\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`idx_employees_role_active\` ON \`employees\`
        `);
  }
}
