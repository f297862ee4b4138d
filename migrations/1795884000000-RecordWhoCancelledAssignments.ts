import { MigrationInterface, QueryRunner } from 'typeorm';

const IDS_PER_UPDATE = 1000;

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
    // Read, then written by id: joining subject_id (text, the table's collation) to an id mixed
    // collations on a database created with another default, and casting it fails on MySQL's
    // strict UPDATEs for the subjects whose ids are not numbers (an import's timestamp).
    const cancellations = (await queryRunner.query(`
            SELECT subject_id, actor_id FROM audit_events
             WHERE subject_type = 'Assignment' AND action = 'ASSIGNMENT_CANCELLED' AND actor_id IS NOT NULL
        `)) as { subject_id: string; actor_id: number }[];
    const idsByActor = new Map<number, number[]>();
    for (const { subject_id: subjectId, actor_id: actorId } of cancellations) {
      if (!/^\d+$/.test(subjectId)) continue;
      const ids = idsByActor.get(Number(actorId)) ?? [];
      ids.push(Number(subjectId));
      idsByActor.set(Number(actorId), ids);
    }
    for (const [actorId, ids] of idsByActor) {
      for (let start = 0; start < ids.length; start += IDS_PER_UPDATE) {
        const chunk = ids.slice(start, start + IDS_PER_UPDATE);
        await queryRunner.query(
          `UPDATE assignments SET cancelled_by_id = ? WHERE status = 'CANCELLED' AND id IN (${chunk.map(() => '?').join(',')})`,
          [actorId, ...chunk],
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP COLUMN \`cancelled_by_id\`
        `);
  }
}
