import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { OptionalInput } from '../../../graphql/optional-input';

@InputType()
export class EmployeeFilterInput {
  @IdField({ nullable: true })
  @OptionalInput()
  storeId?: number;

  @IdField({ nullable: true })
  @OptionalInput()
  regionId?: number;

  @Field({ nullable: true })
  @OptionalInput()
  @IsString()
  @MaxLength(40)
  jobRoleCode?: string;

  @Field({
    nullable: true,
    description: 'Start of a last name, first name, full name (either way round), employee number or email',
  })
  @OptionalInput()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field({ nullable: true })
  @OptionalInput()
  @IsBoolean()
  active?: boolean;
}
