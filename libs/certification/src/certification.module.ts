import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lp/audit';
import { certificationEntities } from './entities';
import { CertificationAdminService } from './services/certification-admin.service';
import { CertificationQueries } from './services/certification-queries.service';
import { CertificationWriter } from './services/certification-writer.service';
import { ProgramService } from './services/program.service';
import { VerificationService } from './services/verification.service';

const services = [
  CertificationAdminService,
  CertificationQueries,
  CertificationWriter,
  ProgramService,
  VerificationService,
];

@Module({
  imports: [TypeOrmModule.forFeature(certificationEntities), AuditModule],
  providers: services,
  exports: services,
})
export class CertificationModule {}
