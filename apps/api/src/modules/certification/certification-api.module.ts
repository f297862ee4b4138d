import { Module } from '@nestjs/common';
import { CertificationModule } from '@lp/certification';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { CertificationProgramResolver } from './certification-program.resolver';
import { CertificationLoaders } from './certification.loaders';
import { CertificationResolver } from './certification.resolver';
import { QuizResultCertificationResolver } from './quiz-result-certification.resolver';

@Module({
  imports: [CertificationModule, OrganisationApiModule],
  providers: [
    CertificationLoaders,
    CertificationProgramResolver,
    CertificationResolver,
    QuizResultCertificationResolver,
  ],
})
export class CertificationApiModule {}
