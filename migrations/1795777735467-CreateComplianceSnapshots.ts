import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComplianceSnapshots1795777735467 implements MigrationInterface {
  name = 'CreateComplianceSnapshots1795777735467';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`compliance_day_closes\` (
                \`day\` date NOT NULL,
                \`stores\` int UNSIGNED NOT NULL,
                \`closed_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`day\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`store_compliance_snapshots\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`store_id\` int UNSIGNED NOT NULL,
                \`program_id\` int UNSIGNED NOT NULL,
                \`day\` date NOT NULL,
                \`required\` int UNSIGNED NOT NULL,
                \`certified\` int UNSIGNED NOT NULL,
                \`expiring_soon\` int UNSIGNED NOT NULL,
                \`expired\` int UNSIGNED NOT NULL,
                \`missing\` int UNSIGNED NOT NULL,
                \`compliance_percent\` decimal(4, 1) NOT NULL,
                \`open_assignments\` int UNSIGNED NOT NULL,
                \`completed_assignments\` int UNSIGNED NOT NULL,
                \`overdue_assignments\` int UNSIGNED NOT NULL,
                \`computed_at\` datetime(3) NOT NULL,
                INDEX \`idx_store_compliance_snapshots_program_day\` (\`program_id\`, \`day\`, \`store_id\`),
                UNIQUE INDEX \`uq_store_compliance_snapshots_day\` (\`store_id\`, \`program_id\`, \`day\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_compliance_snapshots\`
            ADD CONSTRAINT \`FK_7601b374b35e0ffeb3b1f0ccf72\` FOREIGN KEY (\`store_id\`) REFERENCES \`stores\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_compliance_snapshots\`
            ADD CONSTRAINT \`FK_7455536ecfd8dc96cd39ff09080\` FOREIGN KEY (\`program_id\`) REFERENCES \`certification_programs\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`store_compliance_snapshots\` DROP FOREIGN KEY \`FK_7455536ecfd8dc96cd39ff09080\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`store_compliance_snapshots\` DROP FOREIGN KEY \`FK_7601b374b35e0ffeb3b1f0ccf72\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_store_compliance_snapshots_day\` ON \`store_compliance_snapshots\`
        `);
    await queryRunner.query(`
            DROP INDEX \`idx_store_compliance_snapshots_program_day\` ON \`store_compliance_snapshots\`
        `);
    await queryRunner.query(`
            DROP TABLE \`store_compliance_snapshots\`
        `);
    await queryRunner.query(`
            DROP TABLE \`compliance_day_closes\`
        `);
  }
}
