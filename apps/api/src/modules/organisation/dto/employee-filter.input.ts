import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdField } from '../../../graphql/id';

@InputType()
export class EmployeeFilterInput {
  @IdField({ nullable: true })
  @IsOptional()
  storeId?: number;

  @IdField({ nullable: true })
  @IsOptional()
  regionId?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  jobRoleCode?: string;

  @Field({ nullable: true, description: 'Start of a last name, first name, employee number or email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
