import { CertificateSequenceEntity } from './certificate-sequence.entity';
import { CertificationCourseEntity } from './certification-course.entity';
import { CertificationProgramEntity } from './certification-program.entity';
import { CertificationEntity } from './certification.entity';
import { ProgramAudienceEntity } from './program-audience.entity';
import { ProgramCourseEntity } from './program-course.entity';

export * from './certificate-sequence.entity';
export * from './certification-course.entity';
export * from './certification-program.entity';
export * from './certification.entity';
export * from './program-audience.entity';
export * from './program-course.entity';

export const certificationEntities = [
  CertificationProgramEntity,
  ProgramCourseEntity,
  ProgramAudienceEntity,
  CertificationEntity,
  CertificationCourseEntity,
  CertificateSequenceEntity,
];
