import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lp/audit';
import { organisationEntities } from './entities';
import { EmployeeImportRepository } from './services/employee-import/employee-import.repository';
import { EmployeeImportService } from './services/employee-import/employee-import.service';
import { EmployeeHistoryService } from './services/employee-history.service';
import { EmployeeLifecycle } from './services/employee-lifecycle';
import { EmployeeService } from './services/employee.service';
import { JobRoleService } from './services/job-role.service';
import { OrganisationDirectory } from './services/organisation-directory.service';
import { RegionService } from './services/region.service';
import { StoreFiguresChanged } from './services/store-figures-changed';
import { StoreService } from './services/store.service';

const services = [
  EmployeeHistoryService,
  EmployeeImportService,
  EmployeeLifecycle,
  EmployeeService,
  JobRoleService,
  OrganisationDirectory,
  RegionService,
  StoreFiguresChanged,
  StoreService,
];

@Module({
  imports: [TypeOrmModule.forFeature(organisationEntities), AuditModule],
  providers: [...services, EmployeeImportRepository],
  exports: services,
})
export class OrganisationModule {}
