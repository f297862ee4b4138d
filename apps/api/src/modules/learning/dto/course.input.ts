import { Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CONTENT_LIMITS, COURSE_CODE_PATTERN } from '@lp/learning';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { OptionalInput } from '../../../graphql/optional-input';

@InputType()
export class CreateCourseInput {
  @Field({ description: 'Stable key: letters, digits, _ or -, e.g. LP-BASICS' })
  @Trim()
  @Matches(COURSE_CODE_PATTERN, { message: 'code must be 1-40 letters, digits, _ or -' })
  code!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.titleLength)
  @SingleLine()
  title!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.summaryLength)
  summary!: string;

  @Field({ description: 'e.g. THEFT_PREVENTION' })
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.categoryLength)
  @SingleLine()
  category!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(CONTENT_LIMITS.maxEstimatedMinutes)
  estimatedMinutes!: number;
}

/** Left-out fields keep their value; null is refused (skipNullProperties: false). */
@InputType()
export class UpdateCourseInput extends PartialType(OmitType(CreateCourseInput, ['code'] as const), {
  skipNullProperties: false,
}) {}

@InputType()
export class CourseFilterInput {
  @Field({ nullable: true })
  @OptionalInput()
  @IsString()
  @MaxLength(CONTENT_LIMITS.categoryLength)
  category?: string;

  @Field({ nullable: true, description: 'Part of the title, or the start of the code' })
  @OptionalInput()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field({
    nullable: true,
    description:
      'true: only courses with a published version, the ones that can be assigned; false: only never-published ones',
  })
  @OptionalInput()
  @IsBoolean()
  published?: boolean;
}
