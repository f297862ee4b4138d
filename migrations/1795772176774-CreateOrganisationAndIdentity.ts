import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisationAndIdentity1795772176774 implements MigrationInterface {
  name = 'CreateOrganisationAndIdentity1795772176774';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`audit_events\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`occurred_at\` datetime(3) NOT NULL,
                \`actor_id\` int UNSIGNED NULL,
                \`action\` varchar(64) NOT NULL,
                \`subject_type\` varchar(40) NOT NULL,
                \`subject_id\` varchar(40) NOT NULL,
                \`store_id\` int UNSIGNED NULL,
                \`before\` json NULL,
                \`after\` json NULL,
                INDEX \`IDX_2e1bfb6a1c6b0bc71049787444\` (\`store_id\`),
                INDEX \`idx_audit_events_actor\` (\`actor_id\`, \`occurred_at\`),
                INDEX \`idx_audit_events_occurred\` (\`occurred_at\`),
                INDEX \`idx_audit_events_subject\` (\`subject_type\`, \`subject_id\`, \`occurred_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`job_roles\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`code\` varchar(40) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                UNIQUE INDEX \`IDX_dd046deea3347f831d4e240e9d\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`regions\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`code\` varchar(20) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_4f6dc5a464961e7c65a395ea4c\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`stores\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`code\` varchar(20) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`region_id\` int UNSIGNED NOT NULL,
                \`timezone\` varchar(64) NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_20d8079f3a0833a4b044d69bc1\` (\`region_id\`),
                UNIQUE INDEX \`IDX_72bdebc754d6a689b3c169cab8\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`employees\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`employee_number\` varchar(32) NOT NULL,
                \`email\` varchar(254) NULL,
                \`first_name\` varchar(100) NOT NULL,
                \`last_name\` varchar(100) NOT NULL,
                \`job_role_id\` int UNSIGNED NOT NULL,
                \`store_id\` int UNSIGNED NOT NULL,
                \`role\` enum (
                    'EMPLOYEE',
                    'STORE_MANAGER',
                    'REGIONAL_MANAGER',
                    'HR',
                    'ADMIN'
                ) NOT NULL DEFAULT 'EMPLOYEE',
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`hire_date\` date NOT NULL,
                \`terminated_at\` datetime(3) NULL,
                \`password_hash\` varchar(255) NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_7c7ff63d3464dcc9a19ffbc19b\` (\`job_role_id\`),
                INDEX \`idx_employees_name\` (\`last_name\`, \`first_name\`),
                INDEX \`idx_employees_store_active\` (\`store_id\`, \`active\`),
                UNIQUE INDEX \`IDX_8878710dc844ecd6f9e587f34f\` (\`employee_number\`),
                UNIQUE INDEX \`IDX_765bc1ac8967533a04c74a9f6a\` (\`email\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`employee_changes\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`employee_id\` int UNSIGNED NOT NULL,
                \`kind\` enum ('STORE', 'JOB_ROLE', 'ROLE', 'ACTIVE') NOT NULL,
                \`from_value\` varchar(64) NULL,
                \`to_value\` varchar(64) NULL,
                \`changed_by_id\` int UNSIGNED NULL,
                \`changed_at\` datetime(3) NOT NULL,
                INDEX \`idx_employee_changes_employee\` (\`employee_id\`, \`changed_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`region_managers\` (
                \`employee_id\` int UNSIGNED NOT NULL,
                \`region_id\` int UNSIGNED NOT NULL,
                INDEX \`IDX_85b484851266321045b52cc5ad\` (\`region_id\`),
                PRIMARY KEY (\`employee_id\`, \`region_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`store_managers\` (
                \`employee_id\` int UNSIGNED NOT NULL,
                \`store_id\` int UNSIGNED NOT NULL,
                INDEX \`IDX_66ab454dcb75f791c6aa4bacc0\` (\`store_id\`),
                PRIMARY KEY (\`employee_id\`, \`store_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`invites\` (
                \`id\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`employee_id\` int UNSIGNED NOT NULL,
                \`token_hash\` char(64) NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`used_at\` datetime(3) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`IDX_86b4e1dfe8ac61176954366c6c\` (\`employee_id\`),
                UNIQUE INDEX \`IDX_0843131f4ae91435709527a4f1\` (\`token_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`login_failures\` (
                \`email\` varchar(254) NOT NULL,
                \`failures\` int UNSIGNED NOT NULL DEFAULT '0',
                \`window_started_at\` datetime(3) NOT NULL,
                \`locked_until\` datetime(3) NULL,
                PRIMARY KEY (\`email\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`stores\`
            ADD CONSTRAINT \`FK_20d8079f3a0833a4b044d69bc19\` FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`employees\`
            ADD CONSTRAINT \`FK_7c7ff63d3464dcc9a19ffbc19b8\` FOREIGN KEY (\`job_role_id\`) REFERENCES \`job_roles\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`employees\`
            ADD CONSTRAINT \`FK_c7da9c52c80593b9b657051923a\` FOREIGN KEY (\`store_id\`) REFERENCES \`stores\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`employee_changes\`
            ADD CONSTRAINT \`FK_924857ee112203c73e4c0737cd0\` FOREIGN KEY (\`employee_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`region_managers\`
            ADD CONSTRAINT \`FK_93ce55b8d1948c95265897f5b28\` FOREIGN KEY (\`employee_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`region_managers\`
            ADD CONSTRAINT \`FK_85b484851266321045b52cc5ad9\` FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_managers\`
            ADD CONSTRAINT \`FK_2312080b450be8f47937ba3978c\` FOREIGN KEY (\`employee_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_managers\`
            ADD CONSTRAINT \`FK_66ab454dcb75f791c6aa4bacc08\` FOREIGN KEY (\`store_id\`) REFERENCES \`stores\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`invites\`
            ADD CONSTRAINT \`FK_86b4e1dfe8ac61176954366c6c2\` FOREIGN KEY (\`employee_id\`) REFERENCES \`employees\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`invites\` DROP FOREIGN KEY \`FK_86b4e1dfe8ac61176954366c6c2\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_managers\` DROP FOREIGN KEY \`FK_66ab454dcb75f791c6aa4bacc08\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_managers\` DROP FOREIGN KEY \`FK_2312080b450be8f47937ba3978c\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`region_managers\` DROP FOREIGN KEY \`FK_85b484851266321045b52cc5ad9\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`region_managers\` DROP FOREIGN KEY \`FK_93ce55b8d1948c95265897f5b28\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`employee_changes\` DROP FOREIGN KEY \`FK_924857ee112203c73e4c0737cd0\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`employees\` DROP FOREIGN KEY \`FK_c7da9c52c80593b9b657051923a\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`employees\` DROP FOREIGN KEY \`FK_7c7ff63d3464dcc9a19ffbc19b8\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`stores\` DROP FOREIGN KEY \`FK_20d8079f3a0833a4b044d69bc19\`
        `);
    await queryRunner.query(`
            DROP TABLE \`login_failures\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_0843131f4ae91435709527a4f1\` ON \`invites\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_86b4e1dfe8ac61176954366c6c\` ON \`invites\`
        `);
    await queryRunner.query(`
            DROP TABLE \`invites\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_66ab454dcb75f791c6aa4bacc0\` ON \`store_managers\`
        `);
    await queryRunner.query(`
            DROP TABLE \`store_managers\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_85b484851266321045b52cc5ad\` ON \`region_managers\`
        `);
    await queryRunner.query(`
            DROP TABLE \`region_managers\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_employee_changes_employee\` ON \`employee_changes\`
        `);
    await queryRunner.query(`
            DROP TABLE \`employee_changes\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_765bc1ac8967533a04c74a9f6a\` ON \`employees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_8878710dc844ecd6f9e587f34f\` ON \`employees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_employees_store_active\` ON \`employees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_employees_name\` ON \`employees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_7c7ff63d3464dcc9a19ffbc19b\` ON \`employees\`
        `);
    await queryRunner.query(`
            DROP TABLE \`employees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_72bdebc754d6a689b3c169cab8\` ON \`stores\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_20d8079f3a0833a4b044d69bc1\` ON \`stores\`
        `);
    await queryRunner.query(`
            DROP TABLE \`stores\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_4f6dc5a464961e7c65a395ea4c\` ON \`regions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`regions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_dd046deea3347f831d4e240e9d\` ON \`job_roles\`
        `);
    await queryRunner.query(`
            DROP TABLE \`job_roles\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_audit_events_subject\` ON \`audit_events\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_audit_events_occurred\` ON \`audit_events\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_audit_events_actor\` ON \`audit_events\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_2e1bfb6a1c6b0bc71049787444\` ON \`audit_events\`
        `);
    await queryRunner.query(`
            DROP TABLE \`audit_events\`
        `);
  }
}
