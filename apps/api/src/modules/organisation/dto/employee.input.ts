import { Field, InputType, PartialType, OmitType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsISO8601, IsNotEmpty, IsOptional, Matches, MaxLength, ArrayMaxSize } from 'class-validator';
import { IdField, IdListField } from '../../../graphql/id';
import { Trim } from '../../../graphql/trim';
import { Role } from '../role.enum';

@InputType()
export class CreateEmployeeInput {
  @Field()
  @Trim()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'employeeNumber must be 1-32 letters, digits, _ or -' })
  employeeNumber!: string;

  @Field(() => String, { nullable: true, description: 'An invite to set a password is emailed here' })
  @IsOptional()
  @Trim()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(40)
  jobRoleCode!: string;

  @IdField()
  storeId!: number;

  @Field(() => Role, { nullable: true, defaultValue: Role.EMPLOYEE })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'ISO date; today when omitted' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'hireDate must be a date such as 2026-03-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'hireDate must be a date such as 2026-03-01' })
  hireDate?: string;

  @IdListField({ nullable: true, description: 'For store managers: the stores they run (default: their own)' })
  @IsOptional()
  @ArrayMaxSize(100)
  managedStoreIds?: number[];

  @IdField({ nullable: true, description: "For regional managers: their region (default: their store's)" })
  @IsOptional()
  managedRegionId?: number;
}

@InputType()
export class UpdateEmployeeInput extends PartialType(OmitType(CreateEmployeeInput, ['employeeNumber'] as const)) {}
