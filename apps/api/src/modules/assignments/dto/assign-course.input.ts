import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsString, MaxLength } from 'class-validator';
import { IdField, IdListField } from '../../../graphql/id';
import { OptionalInput } from '../../../graphql/optional-input';
import { UpperCase } from '../../../graphql/upper-case';

@InputType()
export class AssignCourseInput {
  @IdField()
  courseId!: number;

  @Field({ description: 'In the future' })
  @IsDate()
  dueAt!: Date;

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
