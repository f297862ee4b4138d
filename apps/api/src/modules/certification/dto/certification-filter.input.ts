import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { CertificationStatus } from '../certification-status.enum';

@InputType()
export class CertificationFilterInput {
  @IdField({ nullable: true })
  @IsOptional()
  storeId?: number;

  @IdField({ nullable: true })
  @IsOptional()
  regionId?: number;

  @IdField({ nullable: true })
  @IsOptional()
  programId?: number;

  @IdField({ nullable: true })
  @IsOptional()
  employeeId?: number;

  @Field(() => CertificationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CertificationStatus)
  status?: CertificationStatus;

  @Field(() => Int, { nullable: true, description: 'Not revoked and expiring within this many days (0-730)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  expiringWithinDays?: number;

  @Field({ nullable: true, description: 'Include superseded cycles, not only the current one' })
  @IsOptional()
  @IsBoolean()
  includeHistory?: boolean;
}
