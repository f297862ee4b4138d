import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';
import { CertificationSource, CertificationStatus } from './certification-status.enum';

@ObjectType('Certification')
export class CertificationObject {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'Human-readable, e.g. LPF-2026-000123' })
  certificateNumber!: string;

  @Field({ description: 'Public code for verifyCertificate; printed on the certificate' })
  verificationCode!: string;

  @Field({ description: 'The exact moment; issuedOn is the day to show people' })
  issuedAt!: Date;

  @Field({ description: 'The exact moment; expiresOn is the day to show people' })
  expiresAt!: Date;

  @Field(() => CertificationSource)
  source!: CertificationSource;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedReason!: string | null;

  employeeId!: number;
  programId!: number;
  currentKey!: number | null;
  previousCertificationId!: number | null;
}

@ObjectType()
export class CertificationConnection extends ConnectionType(CertificationObject, 'Certification') {}

@ObjectType('CertificateVerification')
export class CertificateVerificationObject {
  @Field()
  valid!: boolean;

  @Field(() => CertificationStatus, { nullable: true })
  status!: CertificationStatus | null;

  @Field(() => String, { nullable: true })
  holderName!: string | null;

  @Field(() => String, { nullable: true })
  programName!: string | null;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The day it was issued in the holder's store's time zone, YYYY-MM-DD: the day the certificate prints",
  })
  issuedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The day it expires in the holder's store's time zone, YYYY-MM-DD: the day the certificate prints",
  })
  expiresOn!: string | null;
}

@ObjectType('CertificationCourse', { description: 'A course a certification cycle was earned on' })
export class CertificationCourseObject {
  @Field(() => Int, { nullable: true, description: 'The course version taken' })
  versionNumber!: number | null;

  @Field()
  completedAt!: Date;

  courseId!: number;
}
