import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '@lp/assignments';
import { AuditModule } from '@lp/audit';
import { QueueModule, QueueName } from '@lp/core';
import { OrganisationModule } from '@lp/organisation';
import { certificationEntities } from './entities';
import { AudienceAssigner } from './services/audience-assigner.service';
import { CertificationAdminService } from './services/certification-admin.service';
import { CertificationCycleEnd } from './services/certification-cycle-end';
import { CertificationImportService } from './services/certification-import/certification-import.service';
import { CertificationQueries } from './services/certification-queries.service';
import { CertificationWriter } from './services/certification-writer.service';
import { CourseRemovalIssuer } from './services/course-removal-issuer.service';
import { IssueOnCompletionHook } from './services/issue-on-completion.hook';
import { IssueOnCourseRemovalHook } from './services/issue-on-course-removal.hook';
import { ProgramSeeder } from './services/program-seeder.service';
import { ProgramService } from './services/program.service';
import { VerificationService } from './services/verification.service';

const services = [
  AudienceAssigner,
  CertificationAdminService,
  CertificationCycleEnd,
  CertificationImportService,
  CertificationQueries,
  CertificationWriter,
  CourseRemovalIssuer,
  ProgramSeeder,
  ProgramService,
  VerificationService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(certificationEntities),
    QueueModule.register(QueueName.CertificationIssuing),
    AuditModule,
    AssignmentsModule,
    OrganisationModule,
  ],
  providers: [...services, IssueOnCompletionHook, IssueOnCourseRemovalHook],
  exports: services,
})
export class CertificationModule {}
