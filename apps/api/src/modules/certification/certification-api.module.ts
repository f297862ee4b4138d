import { Module } from '@nestjs/common';
import { CertificationModule } from '@lp/certification';
import { LearningApiModule } from '../learning/learning-api.module';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { CertificationCourseResolver } from './certification-course.resolver';
import { CertificationImportResolver } from './certification-import.resolver';
import { CertificationProgramResolver } from './certification-program.resolver';
import { CertificationLoaders } from './certification.loaders';
import { CertificationResolver } from './certification.resolver';
import { CertificatesController } from './certificates.controller';
import { QuizResultCertificationResolver } from './quiz-result-certification.resolver';

@Module({
  imports: [CertificationModule, OrganisationApiModule, LearningApiModule],
  controllers: [CertificatesController],
  providers: [
    CertificationCourseResolver,
    CertificationImportResolver,
    CertificationLoaders,
    CertificationProgramResolver,
    CertificationResolver,
    QuizResultCertificationResolver,
  ],
  exports: [CertificationLoaders],
})
export class CertificationApiModule {}
