import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCertification1795775093001 implements MigrationInterface {
  name = 'CreateCertification1795775093001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`certificate_sequences\` (
                \`program_id\` int UNSIGNED NOT NULL,
                \`year\` smallint UNSIGNED NOT NULL,
                \`last_number\` int UNSIGNED NOT NULL,
                PRIMARY KEY (\`program_id\`, \`year\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`certification_programs\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`code\` varchar(12) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`description\` text NULL,
                \`validity_months\` smallint UNSIGNED NOT NULL,
                \`recertify_window_days\` smallint UNSIGNED NOT NULL,
                \`refresher_course_id\` int UNSIGNED NULL,
                \`reminder_offsets_days\` json NOT NULL,
                \`renewal_basis\` enum ('PREVIOUS_EXPIRY', 'COMPLETION', 'FIXED_DATE') NOT NULL DEFAULT 'PREVIOUS_EXPIRY',
                \`fixed_expiry_date\` char(5) NULL,
                \`onboarding_days\` smallint UNSIGNED NOT NULL DEFAULT '30',
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                UNIQUE INDEX \`IDX_b8ecb5728f2baef15a380f6346\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`certifications\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`employee_id\` int UNSIGNED NOT NULL,
                \`program_id\` int UNSIGNED NOT NULL,
                \`certificate_number\` varchar(32) NOT NULL,
                \`verification_code\` char(26) NOT NULL,
                \`issued_at\` datetime(3) NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`source\` enum ('COMPLETION', 'MANUAL_GRANT', 'IMPORT') NOT NULL,
                \`previous_certification_id\` int UNSIGNED NULL,
                \`current_key\` int UNSIGNED NULL,
                \`revoked_at\` datetime(3) NULL,
                \`revoked_reason\` varchar(500) NULL,
                \`revoked_by_id\` int UNSIGNED NULL,
                \`granted_by_id\` int UNSIGNED NULL,
                INDEX \`idx_certifications_program_expiry\` (\`program_id\`, \`expires_at\`),
                INDEX \`idx_certifications_expiry\` (\`current_key\`, \`expires_at\`),
                UNIQUE INDEX \`uq_certifications_current\` (\`employee_id\`, \`current_key\`),
                UNIQUE INDEX \`IDX_141a80fae5ecd4ac65a6b39896\` (\`certificate_number\`),
                UNIQUE INDEX \`IDX_77bbe3a4b9952fa9ffbaf62bbf\` (\`verification_code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`certification_courses\` (
                \`certification_id\` int UNSIGNED NOT NULL,
                \`course_id\` int UNSIGNED NOT NULL,
                \`course_version_id\` int UNSIGNED NULL,
                \`completed_at\` datetime(3) NOT NULL,
                \`assignment_id\` int UNSIGNED NULL,
                INDEX \`IDX_d925a9cd325fb0830fdcec97d1\` (\`assignment_id\`),
                PRIMARY KEY (\`certification_id\`, \`course_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`program_audiences\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`program_id\` int UNSIGNED NOT NULL,
                \`job_role_id\` int UNSIGNED NOT NULL,
                \`store_id\` int UNSIGNED NULL,
                \`region_id\` int UNSIGNED NULL,
                INDEX \`idx_program_audiences_job_role\` (\`job_role_id\`, \`program_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`program_courses\` (
                \`program_id\` int UNSIGNED NOT NULL,
                \`course_id\` int UNSIGNED NOT NULL,
                INDEX \`IDX_adb725f0175104e1ca8623e05a\` (\`course_id\`),
                PRIMARY KEY (\`program_id\`, \`course_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\`
            ADD \`program_id\` int UNSIGNED NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\`
            ADD CONSTRAINT \`FK_90936d11bca20d3a9e32a9073c6\` FOREIGN KEY (\`program_id\`) REFERENCES \`certification_programs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_programs\`
            ADD CONSTRAINT \`FK_2e2e995c91142b0bf0380b957d9\` FOREIGN KEY (\`refresher_course_id\`) REFERENCES \`courses\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certifications\`
            ADD CONSTRAINT \`FK_207dbeb7981b44c831eeac7b464\` FOREIGN KEY (\`employee_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certifications\`
            ADD CONSTRAINT \`FK_3ecefc499d73227b32111d66be9\` FOREIGN KEY (\`program_id\`) REFERENCES \`certification_programs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\`
            ADD CONSTRAINT \`FK_be2fa81ea6537d11b57bc38e5e9\` FOREIGN KEY (\`certification_id\`) REFERENCES \`certifications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\`
            ADD CONSTRAINT \`FK_99bcf314af8c0e25009f4cddb13\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\`
            ADD CONSTRAINT \`FK_605378e6774c47d4ca1f0d3aebf\` FOREIGN KEY (\`course_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\`
            ADD CONSTRAINT \`FK_d925a9cd325fb0830fdcec97d10\` FOREIGN KEY (\`assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\`
            ADD CONSTRAINT \`FK_5d7b72a43476511d1464f252f1d\` FOREIGN KEY (\`program_id\`) REFERENCES \`certification_programs\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\`
            ADD CONSTRAINT \`FK_048d411fa83cc8a1ef99fd5ae34\` FOREIGN KEY (\`job_role_id\`) REFERENCES \`job_roles\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\`
            ADD CONSTRAINT \`FK_190310c6267c5cd86c454f945ec\` FOREIGN KEY (\`store_id\`) REFERENCES \`stores\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\`
            ADD CONSTRAINT \`FK_b298d9ba81adbaa80aef7a7f9a0\` FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_courses\`
            ADD CONSTRAINT \`FK_ed65a2358d9cc591d00f8437f13\` FOREIGN KEY (\`program_id\`) REFERENCES \`certification_programs\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_courses\`
            ADD CONSTRAINT \`FK_adb725f0175104e1ca8623e05a9\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`program_courses\` DROP FOREIGN KEY \`FK_adb725f0175104e1ca8623e05a9\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_courses\` DROP FOREIGN KEY \`FK_ed65a2358d9cc591d00f8437f13\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\` DROP FOREIGN KEY \`FK_b298d9ba81adbaa80aef7a7f9a0\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\` DROP FOREIGN KEY \`FK_190310c6267c5cd86c454f945ec\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\` DROP FOREIGN KEY \`FK_048d411fa83cc8a1ef99fd5ae34\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_audiences\` DROP FOREIGN KEY \`FK_5d7b72a43476511d1464f252f1d\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\` DROP FOREIGN KEY \`FK_d925a9cd325fb0830fdcec97d10\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\` DROP FOREIGN KEY \`FK_605378e6774c47d4ca1f0d3aebf\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\` DROP FOREIGN KEY \`FK_99bcf314af8c0e25009f4cddb13\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_courses\` DROP FOREIGN KEY \`FK_be2fa81ea6537d11b57bc38e5e9\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certifications\` DROP FOREIGN KEY \`FK_3ecefc499d73227b32111d66be9\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certifications\` DROP FOREIGN KEY \`FK_207dbeb7981b44c831eeac7b464\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`certification_programs\` DROP FOREIGN KEY \`FK_2e2e995c91142b0bf0380b957d9\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP FOREIGN KEY \`FK_90936d11bca20d3a9e32a9073c6\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP COLUMN \`program_id\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_adb725f0175104e1ca8623e05a\` ON \`program_courses\`
        `);
    await queryRunner.query(`
            DROP TABLE \`program_courses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_program_audiences_job_role\` ON \`program_audiences\`
        `);
    await queryRunner.query(`
            DROP TABLE \`program_audiences\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_d925a9cd325fb0830fdcec97d1\` ON \`certification_courses\`
        `);
    await queryRunner.query(`
            DROP TABLE \`certification_courses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_77bbe3a4b9952fa9ffbaf62bbf\` ON \`certifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_141a80fae5ecd4ac65a6b39896\` ON \`certifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_certifications_current\` ON \`certifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_certifications_expiry\` ON \`certifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_certifications_program_expiry\` ON \`certifications\`
        `);
    await queryRunner.query(`
            DROP TABLE \`certifications\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_b8ecb5728f2baef15a380f6346\` ON \`certification_programs\`
        `);
    await queryRunner.query(`
            DROP TABLE \`certification_programs\`
        `);
    await queryRunner.query(`
            DROP TABLE \`certificate_sequences\`
        `);
  }
}
