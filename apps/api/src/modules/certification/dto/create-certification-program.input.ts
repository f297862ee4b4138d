import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IdField, IdListField } from '../../../graphql/id';
import { OptionalInput } from '../../../graphql/optional-input';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { UpperCase } from '../../../graphql/upper-case';
import { RenewalBasis } from '../certification-status.enum';

@InputType()
export class AudienceRuleInput {
  @Field({ description: 'Job role that must hold the certification' })
  @Trim()
  @IsNotEmpty()
  @MaxLength(40)
  @UpperCase()
  jobRoleCode!: string;

  @IdField({ nullable: true, description: 'Only in this store' })
  @OptionalInput()
  storeId?: number;

  @IdField({ nullable: true, description: 'Only in this region' })
  @OptionalInput()
  regionId?: number;
}

@InputType()
export class CreateCertificationProgramInput {
  @Field({ description: 'Prefix of certificate numbers, e.g. LPF' })
  @Trim()
  @Matches(/^[A-Z][A-Z0-9]{1,11}$/, { message: 'code must be 2-12 capitals or digits, starting with a letter' })
  code!: string;

  @Field({
    description: 'CONFLICT when another programme has the name, compared as the database does: case and accents aside',
  })
  @Trim()
  @IsNotEmpty()
  @MaxLength(120)
  @SingleLine()
  name!: string;

  @Field({ nullable: true })
  @OptionalInput()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IdListField({ description: 'Courses that must all be passed' })
  @ArrayMinSize(1, { message: 'courseIds must name at least one course' })
  @ArrayMaxSize(50)
  courseIds!: number[];

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'validityMonths must be at least 1' })
  @Max(120)
  validityMonths!: number;

  @Field(() => Int, { description: 'Days before expiry when renewal opens; shorter than the validity' })
  @IsInt()
  @Min(1)
  @Max(365)
  recertifyWindowDays!: number;

  @IdField({
    nullable: true,
    description:
      'Passing it in the renewal window renews a held certification, as passing the required courses again does ' +
      '(the default). Once a certification has expired, only the refresher assigned in its window still renews it',
  })
  @OptionalInput()
  refresherCourseId?: number;

  @Field(() => [Int], {
    nullable: true,
    description:
      'Days before due dates and expiry, each at least 1; a set: a day given twice counts once, and they are kept ' +
      'latest first. Left out or empty: 30, 14, 7, 1',
  })
  @OptionalInput()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'reminderOffsetsDays must be whole days, each at least 1' })
  @Max(365, { each: true })
  reminderOffsetsDays?: number[];

  @Field(() => [String], { nullable: true, description: 'Job roles that must hold it, chain-wide' })
  @OptionalInput()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @UpperCase()
  requiredJobRoleCodes?: string[];

  @Field(() => [AudienceRuleInput], {
    nullable: true,
    description: 'Job roles that must hold it in one store or region',
  })
  @OptionalInput()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AudienceRuleInput)
  audience?: AudienceRuleInput[];

  @Field(() => RenewalBasis, { nullable: true, defaultValue: RenewalBasis.PREVIOUS_EXPIRY })
  @OptionalInput()
  @IsEnum(RenewalBasis)
  renewalBasis?: RenewalBasis;

  @Field({
    nullable: true,
    description:
      "MM-DD, required with renewalBasis FIXED_DATE: cycles end with that day in the holder's store's timezone; 02-29 falls on 28 February in other years",
  })
  @OptionalInput()
  // Only the shape: which days exist is the programme's rule (isCalendarMonthDay), for every caller.
  @Matches(/^\d{2}-\d{2}$/, { message: 'fixedExpiryDate must be MM-DD' })
  fixedExpiryDate?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Days a new member of the audience has (default 30): their courses are due at the end of that day in their store's zone",
  })
  @OptionalInput()
  @IsInt()
  @Min(1)
  @Max(365)
  onboardingDays?: number;
}
