import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replaces the course index of `assignments` with (course, employee): the refresher planner
 * asks whether each of thousands of holders already has an assignment of a course. The new
 * index is created first, as the course foreign key needs one at every moment.
 */
export class IndexAssignmentsByCourseAndEmployee1795813962053 implements MigrationInterface {
  name = 'IndexAssignmentsByCourseAndEmployee1795813962053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`idx_assignments_course_employee\` ON \`assignments\` (\`course_id\`, \`employee_id\`)
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_33f833f305070d2d4e6305d8a0\` ON \`assignments\`
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`IDX_33f833f305070d2d4e6305d8a0\` ON \`assignments\` (\`course_id\`)
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_assignments_course_employee\` ON \`assignments\`
        `);
  }
}
