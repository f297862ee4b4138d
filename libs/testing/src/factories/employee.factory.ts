import type { DataSource } from 'typeorm';
import { EmployeeEntity, JobRoleEntity, RegionManagerEntity, Role, StoreManagerEntity } from '@lp/organisation';
import { nextSequence } from './sequence';
import { buildStore } from './store.factory';

export interface EmployeeOverrides extends Partial<EmployeeEntity> {
  jobRoleCode?: string;
  /** For STORE_MANAGER: the stores they manage (default: their own). */
  managedStoreIds?: number[];
  /** For REGIONAL_MANAGER: the region they manage (default: their store's). */
  managedRegionId?: number;
}

export async function buildEmployee(
  dataSource: DataSource,
  overrides: EmployeeOverrides = {},
): Promise<EmployeeEntity> {
  const { jobRoleCode = 'SALES_ASSOCIATE', managedStoreIds, managedRegionId, ...fields } = overrides;
  const n = nextSequence();
  const store = fields.storeId
    ? { id: fields.storeId, regionId: undefined as number | undefined }
    : await buildStore(dataSource);
  const jobRole = await dataSource.getRepository(JobRoleEntity).findOneByOrFail({ code: jobRoleCode });
  const repository = dataSource.getRepository(EmployeeEntity);
  const employee = await repository.save(
    repository.create({
      employeeNumber: `T${String(n).padStart(5, '0')}`,
      email: `person${n}@example.test`,
      firstName: `First${n}`,
      lastName: `Last${n}`,
      jobRoleId: jobRole.id,
      role: Role.EMPLOYEE,
      active: true,
      hireDate: '2025-01-06',
      terminatedAt: null,
      passwordHash: null,
      ...fields,
      storeId: store.id,
    }),
  );
  if (employee.role === Role.STORE_MANAGER) {
    const storeIds = managedStoreIds ?? [employee.storeId];
    await dataSource
      .getRepository(StoreManagerEntity)
      .insert(storeIds.map((storeId) => ({ employeeId: employee.id, storeId })));
  }
  if (employee.role === Role.REGIONAL_MANAGER) {
    const regionId =
      managedRegionId ??
      store.regionId ??
      (await dataSource.query('SELECT region_id FROM stores WHERE id = ?', [employee.storeId]))[0].region_id;
    await dataSource.getRepository(RegionManagerEntity).insert({ employeeId: employee.id, regionId });
  }
  return employee;
}
