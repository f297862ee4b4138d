import type { DataSource } from 'typeorm';
import { type EmployeeEntity, type RegionEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildEmployee } from './employee.factory';
import { buildRegion } from './region.factory';
import { buildStore } from './store.factory';

/**
 * A small chain with one person per access role and people on both sides of every scope
 * line, for authorization tests:
 *
 *   region north: store n1 (manager, employee, colleague), store n2 (n2Employee)
 *   region south: store s1 (s1Manager, s1Employee)
 *   regional manages north; manager manages n1; hr and admin work at n1.
 */
export interface OrgChart {
  regions: { north: RegionEntity; south: RegionEntity };
  stores: { n1: StoreEntity; n2: StoreEntity; s1: StoreEntity };
  people: {
    admin: EmployeeEntity;
    hr: EmployeeEntity;
    regional: EmployeeEntity;
    manager: EmployeeEntity;
    employee: EmployeeEntity;
    colleague: EmployeeEntity;
    n2Employee: EmployeeEntity;
    s1Manager: EmployeeEntity;
    s1Employee: EmployeeEntity;
  };
}

export async function buildOrgChart(dataSource: DataSource): Promise<OrgChart> {
  const north = await buildRegion(dataSource, { name: 'North' });
  const south = await buildRegion(dataSource, { name: 'South' });
  const n1 = await buildStore(dataSource, { regionId: north.id, timezone: 'Europe/London' });
  const n2 = await buildStore(dataSource, { regionId: north.id, timezone: 'Europe/London' });
  const s1 = await buildStore(dataSource, { regionId: south.id, timezone: 'Europe/Madrid' });
  const at = (store: StoreEntity, role: Role, jobRoleCode = 'SALES_ASSOCIATE') =>
    buildEmployee(dataSource, { storeId: store.id, role, jobRoleCode });
  return {
    regions: { north, south },
    stores: { n1, n2, s1 },
    people: {
      admin: await at(n1, Role.ADMIN, 'LP_OFFICER'),
      hr: await at(n1, Role.HR, 'SUPERVISOR'),
      regional: await at(n2, Role.REGIONAL_MANAGER, 'STORE_MANAGER'),
      manager: await at(n1, Role.STORE_MANAGER, 'STORE_MANAGER'),
      employee: await at(n1, Role.EMPLOYEE, 'CASHIER'),
      colleague: await at(n1, Role.EMPLOYEE),
      n2Employee: await at(n2, Role.EMPLOYEE),
      s1Manager: await at(s1, Role.STORE_MANAGER, 'STORE_MANAGER'),
      s1Employee: await at(s1, Role.EMPLOYEE, 'CASHIER'),
    },
  };
}
