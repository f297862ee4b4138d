import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RenewalBasis } from './certification-status.enum';

@ObjectType('CertificationProgram')
export class CertificationProgramObject {
  @Field(() => ID)
  id!: number;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int)
  validityMonths!: number;

  @Field(() => Int)
  recertifyWindowDays!: number;

  @Field(() => [Int])
  reminderOffsetsDays!: number[];

  @Field(() => RenewalBasis)
  renewalBasis!: RenewalBasis;

  @Field(() => String, { nullable: true, description: 'MM-DD, for FIXED_DATE renewal' })
  fixedExpiryDate!: string | null;

  @Field(() => Int, { description: 'Days new members of the audience have to finish the courses' })
  onboardingDays!: number;

  refresherCourseId!: number | null;
}
