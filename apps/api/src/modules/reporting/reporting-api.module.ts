import { Module } from '@nestjs/common';
import { ReportingModule, SnapshotTriggerModule } from '@lp/reporting';
import { CertificationApiModule } from '../certification/certification-api.module';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { ComplianceTrendResolver } from './compliance-trend.resolver';
import { MissingEmployeesLoader } from './missing-employees.loader';
import { ProgramComplianceResolver } from './program-compliance.resolver';
import { ReportingResolver } from './reporting.resolver';
import { ReportsController } from './reports.controller';

@Module({
  imports: [ReportingModule, SnapshotTriggerModule, CertificationApiModule, OrganisationApiModule],
  controllers: [ReportsController],
  providers: [ReportingResolver, ProgramComplianceResolver, ComplianceTrendResolver, MissingEmployeesLoader],
})
export class ReportingApiModule {}
