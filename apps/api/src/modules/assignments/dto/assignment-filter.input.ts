import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { AssignmentStatus } from '../assignment.enums';

@InputType()
export class AssignmentFilterInput {
  @IdField({ nullable: true })
  @IsOptional()
  storeId?: number;

  @IdField({ nullable: true })
  @IsOptional()
  employeeId?: number;

  @IdField({ nullable: true })
  @IsOptional()
  courseId?: number;

  @Field(() => AssignmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;
}
