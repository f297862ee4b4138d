import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ties `assignments.open_key` to the status, so the unique key on (employee_id, open_key)
 * really means "one open assignment per employee and course" whatever code writes the row.
 * Written by hand: TypeORM cannot express CHECK constraints for MySQL (and does not read
 * them back, so later generated migrations leave it alone); MySQL 8.0.16+ and MariaDB 10.2+
 * enforce it.
 */
export class AddAssignmentOpenKeyCheck1795773683400 implements MigrationInterface {
  name = 'AddAssignmentOpenKeyCheck1795773683400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE \`assignments\` ADD CONSTRAINT \`chk_assignments_open_key\` CHECK (
        (\`status\` IN ('ASSIGNED', 'IN_PROGRESS') AND \`open_key\` <=> \`course_id\`)
        OR (\`status\` IN ('COMPLETED', 'CANCELLED') AND \`open_key\` IS NULL)
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `assignments` DROP CONSTRAINT `chk_assignments_open_key`');
  }
}
