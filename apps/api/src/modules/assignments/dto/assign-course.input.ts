import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { IdField, IdListField } from '../../../graphql/id';
import { OptionalInput } from '../../../graphql/optional-input';
import { UpperCase } from '../../../graphql/upper-case';

const DUE_ON_MESSAGE = { message: 'dueOn must be a day such as 2026-03-01' };

@InputType()
export class AssignCourseInput {
  @IdField()
  courseId!: number;

  @Field({ nullable: true, description: 'In the future; give this or dueOn' })
  @OptionalInput()
  @IsDate()
  dueAt?: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'A day, YYYY-MM-DD, instead of dueAt: due at 23:59 of it in each person’s store’s time zone, which must not have passed in any of them',
  })
  @OptionalInput()
  @IsISO8601({ strict: true }, DUE_ON_MESSAGE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DUE_ON_MESSAGE)
  dueOn?: string;

  @IdListField({ nullable: true, description: 'These people (all within your scope)' })
  @OptionalInput()
  @ArrayMaxSize(5000)
  employeeIds?: number[];

  @IdField({ nullable: true, description: 'Everyone of this store (with jobRoleCodes: those job roles only)' })
  @OptionalInput()
  storeId?: number;

  @IdField({ nullable: true, description: 'Everyone of this region (regional managers and HR)' })
  @OptionalInput()
  regionId?: number;

  @Field(() => [String], { nullable: true, description: 'Only these job roles' })
  @OptionalInput()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @UpperCase()
  jobRoleCodes?: string[];
}
