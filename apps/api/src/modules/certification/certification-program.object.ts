import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RenewalBasis } from './certification-status.enum';

@ObjectType('AudienceRule', {
  description: 'People of the job role must hold the programme, everywhere or in one place',
})
export class AudienceRuleObject {
  @Field()
  jobRoleCode!: string;

  @Field(() => ID, { nullable: true, description: 'Only in this store' })
  storeId!: number | null;

  @Field(() => ID, { nullable: true, description: 'Only in this region' })
  regionId!: number | null;
}

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

  @Field(() => Int, {
    description:
      "Days new members of the audience have to finish the courses: due at the end of that day in their store's zone. Also the onboarding period: a hire dated within that many days before today there gets the courses as ONBOARDING, an earlier one as RULE",
  })
  onboardingDays!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Passing it in the renewal window renews; null: the required courses',
  })
  refresherCourseId!: number | null;
}
