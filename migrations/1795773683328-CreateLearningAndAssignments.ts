import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLearningAndAssignments1795773683328 implements MigrationInterface {
  name = 'CreateLearningAndAssignments1795773683328';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`assignments\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`employee_id\` int UNSIGNED NOT NULL,
                \`course_id\` int UNSIGNED NOT NULL,
                \`course_version_id\` int UNSIGNED NULL,
                \`due_at\` datetime(3) NOT NULL,
                \`status\` enum (
                    'ASSIGNED',
                    'IN_PROGRESS',
                    'COMPLETED',
                    'CANCELLED'
                ) NOT NULL DEFAULT 'ASSIGNED',
                \`reason\` enum ('MANUAL', 'ONBOARDING', 'RULE', 'REFRESHER') NOT NULL,
                \`open_key\` int UNSIGNED NULL,
                \`completed_at\` datetime(3) NULL,
                \`cancelled_at\` datetime(3) NULL,
                \`assigned_by_id\` int UNSIGNED NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_33f833f305070d2d4e6305d8a0\` (\`course_id\`),
                INDEX \`IDX_96643753984fafbed00035211a\` (\`course_version_id\`),
                UNIQUE INDEX \`uq_assignments_open_course\` (\`employee_id\`, \`open_key\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`courses\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`code\` varchar(40) NOT NULL,
                \`title\` varchar(200) NOT NULL,
                \`summary\` varchar(2000) NOT NULL,
                \`category\` varchar(40) NOT NULL,
                \`estimated_minutes\` smallint UNSIGNED NOT NULL,
                \`current_version_id\` int UNSIGNED NULL,
                \`draft_version_id\` int UNSIGNED NULL,
                \`curriculum_hash\` char(64) NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_1ac2924c6479e5fa4fc5d1eec9\` (\`category\`),
                UNIQUE INDEX \`IDX_86b3589486bac01d2903e22471\` (\`code\`),
                UNIQUE INDEX \`IDX_b0649f456ad0c047eca6d7e14b\` (\`draft_version_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`course_versions\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`course_id\` int UNSIGNED NOT NULL,
                \`number\` smallint UNSIGNED NOT NULL,
                \`status\` enum ('DRAFT', 'PUBLISHED') NOT NULL DEFAULT 'DRAFT',
                \`published_at\` datetime(3) NULL,
                \`published_by_id\` int UNSIGNED NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`quiz_passing_score_percent\` tinyint UNSIGNED NOT NULL DEFAULT '80',
                \`quiz_max_attempts\` tinyint UNSIGNED NOT NULL DEFAULT '3',
                \`quiz_time_limit_minutes\` smallint UNSIGNED NULL,
                \`quiz_questions_per_attempt\` smallint UNSIGNED NOT NULL DEFAULT '10',
                \`quiz_shuffle\` tinyint NOT NULL DEFAULT 1,
                UNIQUE INDEX \`uq_course_versions_number\` (\`course_id\`, \`number\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`lessons\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`course_version_id\` int UNSIGNED NOT NULL,
                \`position\` smallint UNSIGNED NOT NULL,
                \`title\` varchar(200) NOT NULL,
                \`body\` mediumtext NOT NULL,
                \`media_url\` varchar(2048) NULL,
                UNIQUE INDEX \`uq_lessons_position\` (\`course_version_id\`, \`position\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`lesson_progress\` (
                \`assignment_id\` int UNSIGNED NOT NULL,
                \`lesson_id\` int UNSIGNED NOT NULL,
                \`course_version_id\` int UNSIGNED NOT NULL,
                \`completed_at\` datetime(3) NOT NULL,
                INDEX \`IDX_980e74721039ebe210fee2eeca\` (\`lesson_id\`),
                PRIMARY KEY (\`assignment_id\`, \`lesson_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`questions\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`course_version_id\` int UNSIGNED NOT NULL,
                \`position\` smallint UNSIGNED NOT NULL,
                \`type\` enum ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE') NOT NULL,
                \`prompt\` varchar(1000) NOT NULL,
                \`explanation\` varchar(2000) NOT NULL,
                UNIQUE INDEX \`uq_questions_position\` (\`course_version_id\`, \`position\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`question_options\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`question_id\` int UNSIGNED NOT NULL,
                \`position\` tinyint UNSIGNED NOT NULL,
                \`text\` varchar(500) NOT NULL,
                \`correct\` tinyint NOT NULL,
                UNIQUE INDEX \`uq_question_options_position\` (\`question_id\`, \`position\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`quiz_attempts\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`assignment_id\` int UNSIGNED NOT NULL,
                \`course_version_id\` int UNSIGNED NOT NULL,
                \`number\` tinyint UNSIGNED NOT NULL,
                \`started_at\` datetime(3) NOT NULL,
                \`expires_at\` datetime(3) NULL,
                \`submitted_at\` datetime(3) NULL,
                \`question_count\` smallint UNSIGNED NOT NULL,
                \`correct_count\` smallint UNSIGNED NULL,
                \`score_percent\` decimal(5, 2) NULL,
                \`passed\` tinyint NULL,
                INDEX \`IDX_b4d16f6840ccabf8d650e4e8df\` (\`course_version_id\`),
                UNIQUE INDEX \`uq_quiz_attempts_number\` (\`assignment_id\`, \`number\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`quiz_attempt_questions\` (
                \`attempt_id\` int UNSIGNED NOT NULL,
                \`position\` tinyint UNSIGNED NOT NULL,
                \`question_id\` int UNSIGNED NOT NULL,
                \`option_order\` json NOT NULL,
                \`selected_option_ids\` json NULL,
                \`answered_correctly\` tinyint NULL,
                INDEX \`IDX_b0762fdb9f0724440022e89972\` (\`question_id\`),
                UNIQUE INDEX \`uq_quiz_attempt_questions_question\` (\`attempt_id\`, \`question_id\`),
                PRIMARY KEY (\`attempt_id\`, \`position\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\`
            ADD CONSTRAINT \`FK_bc4eb0a747d8a219de81111f379\` FOREIGN KEY (\`employee_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\`
            ADD CONSTRAINT \`FK_33f833f305070d2d4e6305d8a0c\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\`
            ADD CONSTRAINT \`FK_96643753984fafbed00035211a4\` FOREIGN KEY (\`course_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`courses\`
            ADD CONSTRAINT \`FK_c4eea5af06b81c8e9dae20b53fb\` FOREIGN KEY (\`current_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`courses\`
            ADD CONSTRAINT \`FK_b0649f456ad0c047eca6d7e14b8\` FOREIGN KEY (\`draft_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`course_versions\`
            ADD CONSTRAINT \`FK_34cbd320b458b8cf9e0d580304e\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`lessons\`
            ADD CONSTRAINT \`FK_352dd517da98aae70cdf516819a\` FOREIGN KEY (\`course_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`lesson_progress\`
            ADD CONSTRAINT \`FK_015f6c7b2270e520497ab0fe962\` FOREIGN KEY (\`assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`lesson_progress\`
            ADD CONSTRAINT \`FK_980e74721039ebe210fee2eeca2\` FOREIGN KEY (\`lesson_id\`) REFERENCES \`lessons\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`lesson_progress\`
            ADD CONSTRAINT \`FK_fdbc1752641b5fd925047ff75ce\` FOREIGN KEY (\`course_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`questions\`
            ADD CONSTRAINT \`FK_636f9d3cb25d95e396a4dbc4e76\` FOREIGN KEY (\`course_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`question_options\`
            ADD CONSTRAINT \`FK_f0b7aaabd3f88e700daf0fe681c\` FOREIGN KEY (\`question_id\`) REFERENCES \`questions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempts\`
            ADD CONSTRAINT \`FK_bbe77e285567c54922939069106\` FOREIGN KEY (\`assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempts\`
            ADD CONSTRAINT \`FK_b4d16f6840ccabf8d650e4e8dff\` FOREIGN KEY (\`course_version_id\`) REFERENCES \`course_versions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempt_questions\`
            ADD CONSTRAINT \`FK_0d56132ad64bfd9f7b2140ce7b8\` FOREIGN KEY (\`attempt_id\`) REFERENCES \`quiz_attempts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempt_questions\`
            ADD CONSTRAINT \`FK_b0762fdb9f0724440022e89972a\` FOREIGN KEY (\`question_id\`) REFERENCES \`questions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempt_questions\` DROP FOREIGN KEY \`FK_b0762fdb9f0724440022e89972a\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempt_questions\` DROP FOREIGN KEY \`FK_0d56132ad64bfd9f7b2140ce7b8\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempts\` DROP FOREIGN KEY \`FK_b4d16f6840ccabf8d650e4e8dff\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`quiz_attempts\` DROP FOREIGN KEY \`FK_bbe77e285567c54922939069106\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`question_options\` DROP FOREIGN KEY \`FK_f0b7aaabd3f88e700daf0fe681c\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`questions\` DROP FOREIGN KEY \`FK_636f9d3cb25d95e396a4dbc4e76\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`lesson_progress\` DROP FOREIGN KEY \`FK_fdbc1752641b5fd925047ff75ce\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`lesson_progress\` DROP FOREIGN KEY \`FK_980e74721039ebe210fee2eeca2\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`lesson_progress\` DROP FOREIGN KEY \`FK_015f6c7b2270e520497ab0fe962\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`lessons\` DROP FOREIGN KEY \`FK_352dd517da98aae70cdf516819a\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`course_versions\` DROP FOREIGN KEY \`FK_34cbd320b458b8cf9e0d580304e\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`courses\` DROP FOREIGN KEY \`FK_b0649f456ad0c047eca6d7e14b8\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`courses\` DROP FOREIGN KEY \`FK_c4eea5af06b81c8e9dae20b53fb\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP FOREIGN KEY \`FK_96643753984fafbed00035211a4\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP FOREIGN KEY \`FK_33f833f305070d2d4e6305d8a0c\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`assignments\` DROP FOREIGN KEY \`FK_bc4eb0a747d8a219de81111f379\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_quiz_attempt_questions_question\` ON \`quiz_attempt_questions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_b0762fdb9f0724440022e89972\` ON \`quiz_attempt_questions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`quiz_attempt_questions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_quiz_attempts_number\` ON \`quiz_attempts\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_b4d16f6840ccabf8d650e4e8df\` ON \`quiz_attempts\`
        `);
    await queryRunner.query(`
            DROP TABLE \`quiz_attempts\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_question_options_position\` ON \`question_options\`
        `);
    await queryRunner.query(`
            DROP TABLE \`question_options\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_questions_position\` ON \`questions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`questions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_980e74721039ebe210fee2eeca\` ON \`lesson_progress\`
        `);
    await queryRunner.query(`
            DROP TABLE \`lesson_progress\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_lessons_position\` ON \`lessons\`
        `);
    await queryRunner.query(`
            DROP TABLE \`lessons\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_course_versions_number\` ON \`course_versions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`course_versions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_b0649f456ad0c047eca6d7e14b\` ON \`courses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_86b3589486bac01d2903e22471\` ON \`courses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_1ac2924c6479e5fa4fc5d1eec9\` ON \`courses\`
        `);
    await queryRunner.query(`
            DROP TABLE \`courses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_assignments_open_course\` ON \`assignments\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_96643753984fafbed00035211a\` ON \`assignments\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_33f833f305070d2d4e6305d8a0\` ON \`assignments\`
        `);
    await queryRunner.query(`
            DROP TABLE \`assignments\`
        `);
  }
}
