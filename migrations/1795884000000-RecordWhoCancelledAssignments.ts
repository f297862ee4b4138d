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
    // Joined on numbers: comparing subject_id with a string made here mixed the table's
    // collation with the connection's on a database created with another default.
    await queryRunner.query(`
            UPDATE assignments a
              JOIN (SELECT CAST(subject_id AS UNSIGNED) AS assignment_id, actor_id
                      FROM audit_events
                     WHERE subject_type = 'Assignment' AND action = 'ASSIGNMENT_CANCELLED'
                       AND actor_id IS NOT NULL) ev
                ON ev.assignment_id = a.id
               SET a.cancelled_by_id = ev.actor_id
             WHERE a.status = 'CANCELLED'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP COLUMN \`cancelled_by_id\`
        `);
  }
}
