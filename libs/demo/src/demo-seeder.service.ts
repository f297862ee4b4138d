import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@lp/core';
import { PasswordHasher } from '@lp/identity';
import {
  EmployeeEntity,
  JobRoleEntity,
  RegionEntity,
  RegionManagerEntity,
  Role,
  StoreEntity,
  StoreManagerEntity,
} from '@lp/organisation';
import { addUtcDays, SnapshotService, utcDayOf } from '@lp/reporting';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_STORES,
  FIRST_NAMES,
  LAST_NAMES,
  STORE_STAFF_MIX,
} from './demo-chain';
import { DemoCertifications } from './demo-certifications';
import { DemoLearning } from './demo-learning';

/** Days of compliance history the demo shows at once (rebuilt by the snapshots backfill). */
export const DEMO_HISTORY_DAYS = 28;

export interface DemoSummary {
  regions: number;
  stores: number;
  employees: number;
  assignments: number;
  certificates: number;
}

/** Loads the demo chain and its training records into an empty database, in one transaction. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly learning: DemoLearning,
    private readonly certifications: DemoCertifications,
    private readonly snapshots: SnapshotService,
  ) {}

  async isDatabaseEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(EmployeeEntity).count()) === 0;
  }

  async seed(progress: (step: string) => void = () => undefined): Promise<DemoSummary> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const summary = await this.dataSource.transaction(async (manager) => {
      progress('regions and stores');
      const regions = await manager.save(DEMO_REGIONS.map((r) => manager.create(RegionEntity, r)));
      const regionId = new Map(regions.map((r) => [r.code, r.id]));
      const stores = await manager.save(
        DEMO_STORES.map((s) =>
          manager.create(StoreEntity, {
            code: s.code,
            name: s.name,
            timezone: s.timezone,
            regionId: regionId.get(s.region)!,
          }),
        ),
      );
      const storeByCode = new Map(stores.map((s) => [s.code, s]));
      const jobRoleId = new Map((await manager.find(JobRoleEntity)).map((j) => [j.code, j.id]));

      progress('accounts');
      const accounts = await this.insertAccounts(manager, storeByCode, jobRoleId, passwordHash);
      progress('store staff');
      const staff = await this.insertStaff(manager, stores, jobRoleId);
      // Certificates first: they were earned months ago, and the training is today's. Issued
      // after it, a valid one would cancel its holder's rule-made work, as a real issuance does.
      progress('certificates');
      const certificates = await this.certifications.seed(manager);
      progress('training assignments');
      const assignments = await this.learning.seed(manager);
      const summary = {
        regions: regions.length,
        stores: stores.length,
        employees: accounts + staff,
        assignments,
        certificates,
      };
      this.logger.log(summary, 'Demo chain loaded');
      return summary;
    });
    progress('compliance history');
    await this.snapshots.backfill(addUtcDays(utcDayOf(this.clock.now()), -DEMO_HISTORY_DAYS));
    return summary;
  }

  private async insertAccounts(
    manager: EntityManager,
    storeByCode: Map<string, StoreEntity>,
    jobRoleId: Map<string, number>,
    passwordHash: string,
  ): Promise<number> {
    const hireDate = this.isoDateDaysAgo(400);
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const store = storeByCode.get(account.store)!;
      const employee = await manager.save(
        manager.create(EmployeeEntity, {
          employeeNumber: `D${String(index + 1).padStart(4, '0')}`,
          email: account.email,
          firstName: account.firstName,
          lastName: account.lastName,
          jobRoleId: jobRoleId.get(account.jobRole)!,
          storeId: store.id,
          role: account.role,
          active: true,
          hireDate,
          terminatedAt: null,
          passwordHash,
        }),
      );
      if (account.role === Role.STORE_MANAGER) {
        await manager.insert(StoreManagerEntity, { employeeId: employee.id, storeId: storeByCode.get('S001')!.id });
      }
      if (account.role === Role.REGIONAL_MANAGER) {
        await manager.insert(RegionManagerEntity, {
          employeeId: employee.id,
          regionId: storeByCode.get('S001')!.regionId,
        });
      }
    }
    return DEMO_ACCOUNTS.length;
  }

  /** Nine or ten people per store with a spread of hire dates; one store manager per store but S001 (Maya). */
  private async insertStaff(
    manager: EntityManager,
    stores: StoreEntity[],
    jobRoleId: Map<string, number>,
  ): Promise<number> {
    const rows: Partial<EmployeeEntity>[] = [];
    let n = 0;
    for (const store of stores) {
      const mix = store.code === 'S001' ? STORE_STAFF_MIX : ['STORE_MANAGER', ...STORE_STAFF_MIX];
      for (const jobRole of mix) {
        const firstName = FIRST_NAMES[n % FIRST_NAMES.length];
        const lastName = LAST_NAMES[(n * 7) % LAST_NAMES.length];
        rows.push({
          employeeNumber: `E${String(1001 + n)}`,
          email: `${firstName}.${lastName}.${1001 + n}@example.com`.toLowerCase(),
          firstName,
          lastName,
          jobRoleId: jobRoleId.get(jobRole)!,
          storeId: store.id,
          role: jobRole === 'STORE_MANAGER' ? Role.STORE_MANAGER : Role.EMPLOYEE,
          active: true,
          hireDate: this.isoDateDaysAgo(20 + ((n * 37) % 900)),
          terminatedAt: null,
        });
        n++;
      }
    }
    await manager.insert(EmployeeEntity, rows);
    const managers = await manager.find(EmployeeEntity, { where: { role: Role.STORE_MANAGER } });
    const managed = managers
      .filter((m) => m.email !== 'manager@example.com')
      .map((m) => ({ employeeId: m.id, storeId: m.storeId }));
    if (managed.length > 0) await manager.insert(StoreManagerEntity, managed);
    return rows.length;
  }

  private isoDateDaysAgo(days: number): string {
    return new Date(this.clock.now().getTime() - days * 86_400_000).toISOString().slice(0, 10);
  }
}
