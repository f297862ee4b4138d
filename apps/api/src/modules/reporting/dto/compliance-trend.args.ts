import { ArgsType, Field } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { IdField } from '../../../graphql/id';

/** The period of a trend; the dates are checked by ComplianceTrends (real days, from ≤ to, ≤ 400 days). */
@ArgsType()
export class TrendPeriodArgs {
  @IdField()
  programId!: number;

  @Field(() => String, { description: 'First UTC day, YYYY-MM-DD' })
  @IsString()
  from!: string;

  @Field(() => String, { description: 'Last UTC day, YYYY-MM-DD (at most 400 days after from, inclusive)' })
  @IsString()
  to!: string;
}

@ArgsType()
export class StoreComplianceTrendArgs extends TrendPeriodArgs {
  @IdField()
  storeId!: number;
}

@ArgsType()
export class RegionComplianceTrendArgs extends TrendPeriodArgs {
  @IdField()
  regionId!: number;
}
