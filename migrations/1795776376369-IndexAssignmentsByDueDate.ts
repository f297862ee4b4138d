import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexAssignmentsByDueDate1795776376369 implements MigrationInterface {
  name = 'IndexAssignmentsByDueDate1795776376369';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`idx_assignments_status_due\` ON \`assignments\` (\`status\`, \`due_at\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`idx_assignments_status_due\` ON \`assignments\`
        `);
  }
}
