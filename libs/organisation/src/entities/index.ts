import { EmployeeChangeEntity } from './employee-change.entity';
import { EmployeeEntity } from './employee.entity';
import { JobRoleEntity } from './job-role.entity';
import { RegionManagerEntity } from './region-manager.entity';
import { RegionEntity } from './region.entity';
import { StoreManagerEntity } from './store-manager.entity';
import { StoreEntity } from './store.entity';

export * from './employee-change.entity';
export * from './employee.entity';
export * from './job-role.entity';
export * from './region-manager.entity';
export * from './region.entity';
export * from './role';
export * from './store-manager.entity';
export * from './store.entity';

export const organisationEntities = [
  RegionEntity,
  StoreEntity,
  JobRoleEntity,
  EmployeeEntity,
  StoreManagerEntity,
  RegionManagerEntity,
  EmployeeChangeEntity,
];
