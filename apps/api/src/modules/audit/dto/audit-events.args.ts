import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { PaginationArgs } from '../../../graphql/pagination';

@InputType()
export class AuditEventFilterInput {
  @Field({ nullable: true, description: 'e.g. Employee' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subjectType?: string;

  @Field({ nullable: true, description: "The subject's id, e.g. an employee id" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subjectId?: string;

  @IdField({ nullable: true, description: 'The employee who acted' })
  @IsOptional()
  actorId?: number;

  @Field({ nullable: true, description: 'e.g. EMPLOYEE_UPDATED' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @Field({ nullable: true, description: 'From this instant, inclusive' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Until this instant, exclusive' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PaginationArgs {
  @Field(() => AuditEventFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilterInput)
  filter?: AuditEventFilterInput;
}
