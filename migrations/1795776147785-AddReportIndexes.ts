import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportIndexes1795776147785 implements MigrationInterface {
  name = 'AddReportIndexes1795776147785';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`idx_assignments_employee_status_due\` ON \`assignments\` (\`employee_id\`, \`status\`, \`due_at\`)
        `);
    await queryRunner.query(`
            CREATE INDEX \`idx_quiz_attempts_assignment_submitted\` ON \`quiz_attempts\` (\`assignment_id\`, \`submitted_at\`, \`score_percent\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`idx_quiz_attempts_assignment_submitted\` ON \`quiz_attempts\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_assignments_employee_status_due\` ON \`assignments\`
        `);
  }
}
