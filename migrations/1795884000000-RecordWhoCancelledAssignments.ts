import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `assignments.cancelled_by_id`: who cancelled an assignment, null when the system did. The
 * refresher planner stands by a person's cancellation but not by the system's (the holder
 * left the programme's audience or the company). Assignments cancelled so far by someone
 * take the actor of their ASSIGNMENT_CANCELLED audit event, the only record of it.
 */
export class RecordWhoCancelledAssignments1795884000000 implements MigrationInterface {
  name = 'RecordWhoCancelledAssignments1795884000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`assignments\` ADD \`cancelled_by_id\` int UNSIGNED NULL
        `);
    await queryRunner.query(`
            UPDATE assignments a
              JOIN audit_events ev
                ON ev.subject_type = 'Assignment' AND ev.subject_id = CAST(a.id AS CHAR)
               AND ev.action = 'ASSIGNMENT_CANCELLED'
               SET a.cancelled_by_id = ev.actor_id
             WHERE a.status = 'CANCELLED' AND ev.actor_id IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP COLUMN \`cancelled_by_id\`
        `);
  }
}
