import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RegionObject } from '../organisation/region.object';
import { CertificationFiguresObject } from './certification-figures.object';

@ObjectType('ComplianceTotals', { description: 'Figures summed over every store in the caller’s scope' })
export class ComplianceTotalsObject extends CertificationFiguresObject {
  @Field(() => Int, { description: 'Active employees' })
  headcount!: number;
}

@ObjectType('RegionCompliance')
export class RegionComplianceObject extends ComplianceTotalsObject {
  @Field(() => RegionObject)
  region!: RegionObject;
}
