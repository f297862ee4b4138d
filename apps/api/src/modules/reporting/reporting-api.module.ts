import { Module } from '@nestjs/common';
import { ReportingModule, SnapshotTriggerModule } from '@lp/reporting';
import { CertificationApiModule } from '../certification/certification-api.module';
import { LearningApiModule } from '../learning/learning-api.module';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { ComplianceTrendResolver } from './compliance-trend.resolver';
import { MissingEmployeeEdgeResolver } from './missing-employee.resolver';
import { MissingEmployeesLoader } from './missing-employees.loader';
import { PassedCourseResolver } from './passed-course.resolver';
import { ProgramComplianceResolver } from './program-compliance.resolver';
import { ReportingResolver } from './reporting.resolver';
import { ReportsController } from './reports.controller';
import { StoreComplianceResolver } from './store-compliance.resolver';

@Module({
  imports: [ReportingModule, SnapshotTriggerModule, CertificationApiModule, LearningApiModule, OrganisationApiModule],
  controllers: [ReportsController],
  providers: [
    ReportingResolver,
    ProgramComplianceResolver,
    StoreComplianceResolver,
    ComplianceTrendResolver,
    MissingEmployeesLoader,
    MissingEmployeeEdgeResolver,
    PassedCourseResolver,
  ],
})
export class ReportingApiModule {}
