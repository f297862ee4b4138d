import { Module } from '@nestjs/common';
import { CertificationModule } from '@lp/certification';
import { IdentityModule } from '@lp/identity';
import { DemoCertifications } from './demo-certifications';
import { DemoLearning } from './demo-learning';
import { DemoSeeder } from './demo-seeder.service';

@Module({
  imports: [IdentityModule, CertificationModule],
  providers: [DemoSeeder, DemoLearning, DemoCertifications],
  exports: [DemoSeeder],
})
export class DemoModule {}
