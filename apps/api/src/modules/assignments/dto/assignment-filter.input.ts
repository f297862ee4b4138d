import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { AssignmentStatus } from '../assignment.enums';
import { OptionalInput } from '../../../graphql/optional-input';

@InputType()
export class AssignmentFilterInput {
  @IdField({ nullable: true })
  @OptionalInput()
  storeId?: number;

  @IdField({ nullable: true })
  @OptionalInput()
  employeeId?: number;

  @IdField({ nullable: true })
  @OptionalInput()
  courseId?: number;

  @Field(() => AssignmentStatus, { nullable: true })
  @OptionalInput()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;
}
