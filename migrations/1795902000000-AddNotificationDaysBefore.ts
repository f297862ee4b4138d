import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `notifications.days_before`: how many calendar days before its deadline's day a "N days
 * left" reminder goes, so that moving its recipient to another time zone moves it to that
 * day there, not to the instant the old zone's day began (a day early after a move west).
 * The reminders still pending name it in their offset key (`D7@2026-03-01`).
 */
export class AddNotificationDaysBefore1795902000000 implements MigrationInterface {
  name = 'AddNotificationDaysBefore1795902000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`notifications\` ADD \`days_before\` smallint UNSIGNED NULL
        `);
    await queryRunner.query(`
            UPDATE \`notifications\`
               SET \`days_before\` = CAST(SUBSTRING_INDEX(SUBSTRING(\`offset_key\`, 2), '@', 1) AS UNSIGNED)
             WHERE \`status\` IN ('PENDING', 'SENDING')
               AND \`kind\` IN ('ASSIGNMENT_DUE', 'CERTIFICATION_EXPIRING')
               AND \`offset_key\` REGEXP '^D[0-9]+@'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`days_before\`
        `);
  }
}
