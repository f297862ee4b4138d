import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { RegionObject } from '../organisation/region.object';

@ObjectType('ComplianceTotals', { description: 'Figures summed over every store in the caller’s scope' })
export class ComplianceTotalsObject {
  @Field(() => Int, { description: 'Active employees' })
  headcount!: number;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  certified!: number;

  @Field(() => Float, { description: 'certified / required, one decimal; 100 when nobody is required' })
  compliancePercent!: number;
}

@ObjectType('RegionCompliance')
export class RegionComplianceObject extends ComplianceTotalsObject {
  @Field(() => RegionObject)
  region!: RegionObject;
}
