import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lp/audit';
import { organisationEntities } from './entities';
import { EmployeeLifecycle } from './services/employee-lifecycle';
import { EmployeeService } from './services/employee.service';
import { JobRoleService } from './services/job-role.service';
import { OrganisationDirectory } from './services/organisation-directory.service';
import { RegionService } from './services/region.service';
import { StoreService } from './services/store.service';

const services = [
  EmployeeLifecycle,
  EmployeeService,
  JobRoleService,
  OrganisationDirectory,
  RegionService,
  StoreService,
];

@Module({
  imports: [TypeOrmModule.forFeature(organisationEntities), AuditModule],
  providers: services,
  exports: services,
})
export class OrganisationModule {}
