import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import { ComplianceTrends } from '@lp/reporting';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { ComplianceTrendPointObject } from './compliance-trend-point.object';
import { RegionComplianceTrendArgs, StoreComplianceTrendArgs, TrendPeriodArgs } from './dto/compliance-trend.args';

const MANAGERS_AND_HR = [Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN];

@Resolver()
export class ComplianceTrendResolver {
  constructor(private readonly trends: ComplianceTrends) {}

  @Query(() => [ComplianceTrendPointObject], {
    description:
      'Daily compliance of a store in the caller’s scope with one programme; days without a snapshot are absent',
  })
  @Roles(...MANAGERS_AND_HR)
  storeComplianceTrend(
    @Args() args: StoreComplianceTrendArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ComplianceTrendPointObject[]> {
    return this.trends.storeTrend(actor.scope, args.storeId, args.programId, { from: args.from, to: args.to });
  }

  @Query(() => [ComplianceTrendPointObject], {
    description: 'Daily compliance of a region’s stores in the caller’s scope with one programme: summed counts',
  })
  @Roles(...MANAGERS_AND_HR)
  regionComplianceTrend(
    @Args() args: RegionComplianceTrendArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ComplianceTrendPointObject[]> {
    return this.trends.regionTrend(actor.scope, args.regionId, args.programId, { from: args.from, to: args.to });
  }

  @Query(() => [ComplianceTrendPointObject], {
    description:
      'Daily compliance of every store in the caller’s scope with one programme (the whole chain for HR): summed counts',
  })
  @Roles(...MANAGERS_AND_HR)
  chainComplianceTrend(
    @Args() args: TrendPeriodArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ComplianceTrendPointObject[]> {
    return this.trends.chainTrend(actor.scope, args.programId, { from: args.from, to: args.to });
  }
}
