import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compares emails byte for byte. Under utf8mb4_unicode_ci the unique key took "josé@…" for
 * "jose@…" and "straße@…" for "strasse@…", which the import's checks (string equality on
 * the lower-cased addresses) did not: such a file ended in a duplicate-key error without a
 * line number, and sign-in matched an accent variant. Emails are stored lower-cased, so the
 * key stays case-insensitive in effect; they are now also stored in Unicode's composed form
 * (NFC), which the stored ones are brought to first — SQL cannot, so it is done here. Rows
 * the old collation kept apart cannot meet in NFC: it took the two forms for the same.
 * The login throttle's per-address rows follow, so an accent variant is throttled apart.
 *
 * The TypeORM CLI does not compare collations, so this one was written by hand. `down`
 * fails on the duplicate key if two addresses equal under the old collation exist by then.
 */
export class CompareEmployeeEmailsExactly1795874101907 implements MigrationInterface {
  name = 'CompareEmployeeEmailsExactly1795874101907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const nonAscii = (await queryRunner.query(
      'SELECT id, email FROM employees WHERE email IS NOT NULL AND LENGTH(email) <> CHAR_LENGTH(email)',
    )) as { id: number; email: string }[];
    for (const { id, email } of nonAscii) {
      const composed = email.toLowerCase().normalize('NFC');
      if (composed !== email) await queryRunner.query('UPDATE employees SET email = ? WHERE id = ?', [composed, id]);
    }
    await queryRunner.query(`
            ALTER TABLE \`employees\`
              MODIFY \`email\` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`login_failures\`
              MODIFY \`email\` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`login_failures\`
              MODIFY \`email\` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`employees\`
              MODIFY \`email\` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL
        `);
  }
}
