import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795773647330 implements MigrationInterface {
  name = 'CreateNotifications1795773647330';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`notifications\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`kind\` varchar(40) NOT NULL,
                \`recipient_id\` int UNSIGNED NOT NULL,
                \`cc_employee_ids\` json NULL,
                \`subject_type\` varchar(20) NOT NULL,
                \`subject_id\` int UNSIGNED NOT NULL,
                \`offset_key\` varchar(20) NOT NULL,
                \`planned_at\` datetime(3) NOT NULL,
                \`send_after\` datetime(3) NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`queue_after\` datetime(3) NOT NULL,
                \`status\` enum (
                    'PENDING',
                    'SENDING',
                    'SENT',
                    'FAILED',
                    'CANCELLED'
                ) NOT NULL DEFAULT 'PENDING',
                \`attempts\` int UNSIGNED NOT NULL DEFAULT '0',
                \`claimed_at\` datetime(3) NULL,
                \`last_error\` varchar(1000) NULL,
                \`sent_at\` datetime(3) NULL,
                \`message_id\` varchar(255) NULL,
                \`template_data\` json NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`idx_notifications_recipient\` (\`recipient_id\`),
                INDEX \`idx_notifications_subject\` (\`subject_type\`, \`subject_id\`, \`status\`),
                INDEX \`idx_notifications_sweep\` (\`status\`, \`queue_after\`),
                UNIQUE INDEX \`uq_notifications_once\` (
                    \`kind\`,
                    \`recipient_id\`,
                    \`subject_type\`,
                    \`subject_id\`,
                    \`offset_key\`
                ),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD CONSTRAINT \`FK_5332a4daa46fd3f4e6625dd275d\` FOREIGN KEY (\`recipient_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP FOREIGN KEY \`FK_5332a4daa46fd3f4e6625dd275d\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_notifications_once\` ON \`notifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_notifications_sweep\` ON \`notifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_notifications_subject\` ON \`notifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_notifications_recipient\` ON \`notifications\`
        `);
    await queryRunner.query(`
            DROP TABLE \`notifications\`
        `);
  }
}
