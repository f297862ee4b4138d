import { Module } from '@nestjs/common';
import { OrganisationModule } from '@lp/organisation';
import { EmployeeChangeResolver } from './employee-change.resolver';
import { EmployeeImportResolver } from './employee-import.resolver';
import { EmployeeResolver } from './employee.resolver';
import { JobRoleResolver } from './job-role.resolver';
import { OrganisationLoaders } from './organisation.loaders';
import { RegionResolver } from './region.resolver';
import { StoreResolver } from './store.resolver';

@Module({
  imports: [OrganisationModule],
  providers: [
    EmployeeChangeResolver,
    EmployeeImportResolver,
    EmployeeResolver,
    JobRoleResolver,
    OrganisationLoaders,
    RegionResolver,
    StoreResolver,
  ],
  exports: [OrganisationLoaders],
})
export class OrganisationApiModule {}
