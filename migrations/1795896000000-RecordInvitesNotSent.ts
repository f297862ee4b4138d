import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `invites.not_sent_reason`: why the email of a hire's invite was not sent (the mail server
 * refused the address or could not be reached), which HR reads on the person's record to
 * send a new one. Invites made before it were sent, as far as anyone knows.
 */
export class RecordInvitesNotSent1795896000000 implements MigrationInterface {
  name = 'RecordInvitesNotSent1795896000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`invites\` ADD \`not_sent_reason\` varchar(1000) NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`invites\` DROP COLUMN \`not_sent_reason\`
        `);
  }
}
