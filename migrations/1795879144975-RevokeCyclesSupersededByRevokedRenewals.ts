import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revoking a renewal now revokes the cycles it superseded whose paper had not expired by
 * then, so every list, the CSV, the PDF and verification call that paper REVOKED. Renewals
 * revoked before that left those cycles as they were: they get the same revocation here
 * (its moment, reason and actor). A data fix: `down` leaves it, as a revocation is never undone.
 */
export class RevokeCyclesSupersededByRevokedRenewals1795879144975 implements MigrationInterface {
  name = 'RevokeCyclesSupersededByRevokedRenewals1795879144975';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE certifications superseded
              JOIN certifications renewal
                ON renewal.employee_id = superseded.employee_id
               AND renewal.current_key = superseded.program_id
               AND renewal.revoked_at IS NOT NULL
               SET superseded.revoked_at = renewal.revoked_at,
                   superseded.revoked_reason = renewal.revoked_reason,
                   superseded.revoked_by_id = renewal.revoked_by_id
             WHERE superseded.revoked_at IS NULL
               AND superseded.issued_at < renewal.issued_at
               AND superseded.expires_at > renewal.revoked_at
        `);
  }

  public async down(): Promise<void> {
    // Nothing to undo: see above.
  }
}
