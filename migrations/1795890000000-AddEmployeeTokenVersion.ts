import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `employees.token_version`: access tokens carry it, and setting a password raises it, so
 * the tokens issued before a password reset stop working. Tokens issued before this
 * migration carry none and count as version 0, so nobody is signed out by the upgrade.
 */
export class AddEmployeeTokenVersion1795890000000 implements MigrationInterface {
  name = 'AddEmployeeTokenVersion1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`employees\` ADD \`token_version\` int UNSIGNED NOT NULL DEFAULT 0
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`employees\` DROP COLUMN \`token_version\`
        `);
  }
}
