import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compares employees' emails byte for byte. Under utf8mb4_unicode_ci the unique key took
 * "josé@…" for "jose@…" and "straße@…" for "strasse@…", which the import's checks (string
 * equality on the lower-cased addresses) did not: such a file ended in a duplicate-key
 * error without a line number, and sign-in matched an accent variant. Emails are stored
 * lower-cased, so the key stays case-insensitive in effect.
 *
 * The TypeORM CLI does not compare collations, so this one was written by hand. `down`
 * fails on the duplicate key if two addresses equal under the old collation exist by then.
 */
export class CompareEmployeeEmailsExactly1795874101907 implements MigrationInterface {
  name = 'CompareEmployeeEmailsExactly1795874101907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`employees\`
              MODIFY \`email\` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`employees\`
              MODIFY \`email\` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL
        `);
  }
}
