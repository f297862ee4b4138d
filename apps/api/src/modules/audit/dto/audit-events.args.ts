import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { PaginationArgs } from '../../../graphql/pagination';
import { OptionalInput } from '../../../graphql/optional-input';

@InputType()
export class AuditEventFilterInput {
  @Field({ nullable: true, description: 'e.g. Employee' })
  @OptionalInput()
  @IsString()
  @MaxLength(40)
  subjectType?: string;

  @Field({ nullable: true, description: "The subject's id, e.g. an employee id" })
  @OptionalInput()
  @IsString()
  @MaxLength(40)
  subjectId?: string;

  @IdField({ nullable: true, description: 'The employee who acted' })
  @OptionalInput()
  actorId?: number;

  @Field({ nullable: true, description: 'e.g. EMPLOYEE_UPDATED' })
  @OptionalInput()
  @IsString()
  @MaxLength(64)
  action?: string;

  @Field({ nullable: true, description: 'From this instant, inclusive' })
  @OptionalInput()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Until this instant, exclusive' })
  @OptionalInput()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PaginationArgs {
  @Field(() => AuditEventFilterInput, { nullable: true })
  @OptionalInput()
  @ValidateNested()
  @Type(() => AuditEventFilterInput)
  filter?: AuditEventFilterInput;
}
