import { MigrationInterface, QueryRunner } from 'typeorm';

/** The job roles every chain starts with; HR adds its own later. */
export class SeedJobRoles1795772176800 implements MigrationInterface {
  name = 'SeedJobRoles1795772176800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT IGNORE INTO \`job_roles\` (\`code\`, \`name\`) VALUES
        ('SALES_ASSOCIATE', 'Sales Associate'),
        ('CASHIER', 'Cashier'),
        ('LP_OFFICER', 'LP Officer'),
        ('SUPERVISOR', 'Supervisor'),
        ('STORE_MANAGER', 'Store Manager')
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM \`job_roles\`
      WHERE \`code\` IN ('SALES_ASSOCIATE', 'CASHIER', 'LP_OFFICER', 'SUPERVISOR', 'STORE_MANAGER')
        AND \`id\` NOT IN (SELECT \`job_role_id\` FROM \`employees\`)
    `);
  }
}
