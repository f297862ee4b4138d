import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, Max, Min } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { CertificationStatus } from '../certification-status.enum';
import { OptionalInput } from '../../../graphql/optional-input';

@InputType()
export class CertificationFilterInput {
  @IdField({ nullable: true })
  @OptionalInput()
  storeId?: number;

  @IdField({ nullable: true })
  @OptionalInput()
  regionId?: number;

  @IdField({ nullable: true })
  @OptionalInput()
  programId?: number;

  @IdField({ nullable: true })
  @OptionalInput()
  employeeId?: number;

  @Field(() => CertificationStatus, { nullable: true })
  @OptionalInput()
  @IsEnum(CertificationStatus)
  status?: CertificationStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      'Not revoked, not expired, and ending by the end of this many calendar days from today in the holder’s ' +
      'store’s timezone (0: later today), 0-730',
  })
  @OptionalInput()
  @IsInt()
  @Min(0)
  @Max(730)
  expiringWithinDays?: number;

  @Field({ nullable: true, description: 'Include superseded cycles, not only the current one' })
  @OptionalInput()
  @IsBoolean()
  includeHistory?: boolean;

  @Field({
    nullable: true,
    description:
      'true: only holders who work here now, as the compliance figures count them; false: only leavers. Default: both',
  })
  @OptionalInput()
  @IsBoolean()
  holderActive?: boolean;
}
