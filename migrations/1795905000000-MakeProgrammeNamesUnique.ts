import { MigrationInterface, QueryRunner } from 'typeorm';

/** The column's length, in characters. */
const NAME_LENGTH = 120;

/**
 * Programme names are unique, as their codes are: creating a programme did not check what
 * renaming one did, so two programmes could share a name that reports and certificates
 * cannot tell apart. The key compares as the column's collation (utf8mb4_unicode_ci: case
 * and accents aside), as the services' check does. Programmes already sharing a name keep it
 * on the first one made; the others get their code after it, e.g. "LP Basics (LPB2)" (with a
 * number after the code if even that name is taken), which HR can change. `down` drops the
 * key and leaves the names as they are.
 */
export class MakeProgrammeNamesUnique1795905000000 implements MigrationInterface {
  name = 'MakeProgrammeNamesUnique1795905000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const twins = (await queryRunner.query(`
            SELECT p.\`id\`, p.\`code\`, p.\`name\` FROM \`certification_programs\` p
             WHERE EXISTS (SELECT 1 FROM \`certification_programs\` earlier
                            WHERE earlier.\`name\` = p.\`name\` AND earlier.\`id\` < p.\`id\`)
             ORDER BY p.\`id\`
        `)) as { id: number; code: string; name: string }[];
    // Each twin gets the first free name of "Name (CODE)", "Name (CODE 2)"…: a programme may
    // already be called "Name (CODE)", and the key must not fail after the renames committed.
    for (const twin of twins) {
      for (let attempt = 1; ; attempt++) {
        const suffix = attempt === 1 ? ` (${twin.code})` : ` (${twin.code} ${attempt})`;
        const name =
          Array.from(twin.name)
            .slice(0, NAME_LENGTH - suffix.length)
            .join('') + suffix;
        const [taken] = (await queryRunner.query(
          'SELECT COUNT(*) AS count FROM `certification_programs` WHERE `name` = ?',
          [name],
        )) as { count: number | string }[];
        if (Number(taken.count) > 0) continue;
        await queryRunner.query('UPDATE `certification_programs` SET `name` = ? WHERE `id` = ?', [name, twin.id]);
        break;
      }
    }
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
