import { Module } from '@nestjs/common';
import { CertificationModule } from '@lp/certification';
import { IdentityModule } from '@lp/identity';
import { ReportingModule } from '@lp/reporting';
import { DemoCertifications } from './demo-certifications';
import { DemoLearning } from './demo-learning';
import { DemoSeeder } from './demo-seeder.service';

@Module({
  imports: [IdentityModule, CertificationModule, ReportingModule],
  providers: [DemoSeeder, DemoLearning, DemoCertifications],
  exports: [DemoSeeder],
})
export class DemoModule {}
