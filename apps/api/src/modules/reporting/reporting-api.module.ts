import { Module } from '@nestjs/common';
import { ReportingModule } from '@lp/reporting';
import { CertificationApiModule } from '../certification/certification-api.module';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { ProgramComplianceResolver } from './program-compliance.resolver';
import { ReportingResolver } from './reporting.resolver';
import { ReportsController } from './reports.controller';

@Module({
  imports: [ReportingModule, CertificationApiModule, OrganisationApiModule],
  controllers: [ReportsController],
  providers: [ReportingResolver, ProgramComplianceResolver],
})
export class ReportingApiModule {}
