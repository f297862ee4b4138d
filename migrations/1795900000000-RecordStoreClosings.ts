import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `stores.closed_on`: the day HR closed a store (closeStore), in its zone; null while it is
 * open. Every store there is now is open.
 */
export class RecordStoreClosings1795900000000 implements MigrationInterface {
  name = 'RecordStoreClosings1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`stores\` ADD \`closed_on\` date NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`stores\` DROP COLUMN \`closed_on\`
        `);
  }
}
