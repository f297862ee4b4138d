import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsISO8601, IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { IdField, IdListField } from '../../../graphql/id';
import { Omittable } from '../../../graphql/omittable';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { UpperCase } from '../../../graphql/upper-case';
import { Role } from '../role.enum';

const HIRE_DATE_MESSAGE = { message: 'hireDate must be a date such as 2026-03-01' };

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
  @SingleLine()
  firstName!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(100)
  @SingleLine()
  lastName!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(40)
  @UpperCase()
  jobRoleCode!: string;

  @IdField()
  storeId!: number;

  @Field(() => Role, { nullable: true, defaultValue: Role.EMPLOYEE })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'ISO date; when omitted, today in the zone of the store' })
  @IsOptional()
  @IsISO8601({ strict: true }, HIRE_DATE_MESSAGE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, HIRE_DATE_MESSAGE)
  hireDate?: string;

  @IdListField({ nullable: true, description: 'For store managers: the stores they run (default: their own)' })
  @IsOptional()
  @ArrayMaxSize(100)
  managedStoreIds?: number[];

  @IdField({ nullable: true, description: "For regional managers: their region (default: their store's)" })
  @IsOptional()
  managedRegionId?: number;
}

/**
 * Only the fields given change. Written out rather than derived with PartialType, which
 * would carry over `role`'s default (silently demoting everyone updated without a role)
 * and let `null` through for required fields.
 */
@InputType()
export class UpdateEmployeeInput {
  @Field(() => String, {
    nullable: true,
    description:
      "null removes the email (and with it, sign-in). Another address ends the employee's sessions and " +
      'password, and voids their invite links: they set a new password from resendInvite',
  })
  @IsOptional()
  @Trim()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field({ nullable: true })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(100)
  @SingleLine()
  firstName?: string;

  @Field({ nullable: true })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(100)
  @SingleLine()
  lastName?: string;

  @Field({ nullable: true, description: 'A job-role change; kept in the history' })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(40)
  @UpperCase()
  jobRoleCode?: string;

  @IdField({ nullable: true, description: 'A store transfer; kept in the history' })
  @Omittable()
  storeId?: number;

  @Field(() => Role, { nullable: true, description: 'An access-role change; kept in the history' })
  @Omittable()
  @IsEnum(Role, { message: 'role must be one of EMPLOYEE, STORE_MANAGER, REGIONAL_MANAGER, HR, ADMIN' })
  role?: Role;

  @Field({ nullable: true })
  @Omittable()
  @IsISO8601({ strict: true }, HIRE_DATE_MESSAGE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, HIRE_DATE_MESSAGE)
  hireDate?: string;

  @IdListField({ nullable: true, description: 'For store managers: the stores they run (default: their own)' })
  @Omittable()
  @ArrayMaxSize(100)
  managedStoreIds?: number[];

  @IdField({ nullable: true, description: "For regional managers: their region (default: their store's)" })
  @Omittable()
  managedRegionId?: number;
}
