import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme names are unique, as their codes are: creating a programme did not check what
 * renaming one did, so two programmes could share a name that reports and certificates
 * cannot tell apart. The key compares as the column's collation (utf8mb4_unicode_ci: case
 * and accents aside), as the services' check does. Programmes already sharing a name keep it
 * on the first one made; the others get their code after it, e.g. "LP Basics (LPB2)", which
 * HR can change. `down` drops the key and leaves the names as they are.
 */
export class MakeProgrammeNamesUnique1795905000000 implements MigrationInterface {
  name = 'MakeProgrammeNamesUnique1795905000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE \`certification_programs\` p
              JOIN \`certification_programs\` earlier ON earlier.\`name\` = p.\`name\` AND earlier.\`id\` < p.\`id\`
               SET p.\`name\` = CONCAT(LEFT(p.\`name\`, 120 - CHAR_LENGTH(p.\`code\`) - 3), ' (', p.\`code\`, ')')
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_certification_programs_name\` ON \`certification_programs\` (\`name\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`uq_certification_programs_name\` ON \`certification_programs\`
        `);
  }
}
