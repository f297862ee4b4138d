import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IdField, IdListField } from '../../../graphql/id';
import { Omittable } from '../../../graphql/omittable';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { RenewalBasis } from '../certification-status.enum';
import { AudienceRuleInput } from './create-certification-program.input';

/** Fields to change; the others keep their value. The code stays: it numbers the certificates. */
@InputType()
export class UpdateCertificationProgramInput {
  @Field({
    nullable: true,
    description: 'CONFLICT when another programme has the name, compared as the database does: case and accents aside',
  })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(120)
  @SingleLine()
  name?: string;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Dates the cycles issued from now on; certificates already issued keep their expiry',
  })
  @Omittable()
  @IsInt()
  @Min(1, { message: 'validityMonths must be at least 1' })
  @Max(120)
  validityMonths?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days before expiry when renewal opens, for current cycles too: holders it brings into the window get ' +
      'their refresher at the next planning run; refreshers already assigned stay',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(365)
  recertifyWindowDays?: number;

  @IdField({
    nullable: true,
    description:
      'null: the required courses renew. Open refreshers of the course it replaces are cancelled (they would ' +
      'renew nothing); the new one is assigned at the next planning run',
  })
  @IsOptional()
  refresherCourseId?: number | null;

  @Field(() => [Int], {
    nullable: true,
    description:
      'Days before due dates and expiry, each at least 1; a set: a day given twice counts once, and they are kept ' +
      'latest first. Empty: 30, 14, 7, 1. Reminders still pending at an offset left out are cancelled; the next ' +
      'planning run plans the new offsets',
  })
  @Omittable()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'reminderOffsetsDays must be whole days, each at least 1' })
  @Max(365, { each: true })
  reminderOffsetsDays?: number[];

  @Field(() => RenewalBasis, { nullable: true, description: 'Dates the cycles issued from now on' })
  @Omittable()
  @IsEnum(RenewalBasis)
  renewalBasis?: RenewalBasis;

  @Field(() => String, {
    nullable: true,
    description: 'MM-DD, with renewalBasis FIXED_DATE only; another basis drops it',
  })
  @IsOptional()
  @Matches(/^\d{2}-\d{2}$/, { message: 'fixedExpiryDate must be MM-DD' })
  fixedExpiryDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days new members of the audience have, from now on' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(365)
  onboardingDays?: number;

  @Field(() => [AudienceRuleInput], {
    nullable: true,
    description:
      'The whole new set of audience rules (a rule with no store or region is chain-wide; empty: nobody in ' +
      'particular). People a new rule requires get the courses as newcomers do; people no longer required lose ' +
      'the open work the rules made for them',
  })
  @Omittable()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AudienceRuleInput)
  audience?: AudienceRuleInput[];

  @IdListField({
    nullable: true,
    description:
      'Courses to require as well (one required already changes nothing). Holders keep their certificates and ' +
      'pass it to renew; the people the audience requires who hold no valid certificate get it assigned at once',
  })
  @Omittable()
  @ArrayMaxSize(50)
  addCourseIds?: number[];

  @IdListField({
    nullable: true,
    description:
      'Courses to require no more (one not required changes nothing). Open work the programme assigned for them ' +
      'is cancelled, or handed to another programme that requires the course; completions and certificates stay. ' +
      'Those for whom a removed course was all that was left to pass are certified, dated from the change: ' +
      'their certificates follow shortly, issued by the worker once the change is saved, not in this answer. ' +
      'BAD_USER_INPUT when no course would be left, or a course is also in addCourseIds',
  })
  @Omittable()
  @ArrayMaxSize(50)
  removeCourseIds?: number[];
}
