import { Args, Context, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@lp/core';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import { type ComplianceRollup, ComplianceReports } from '@lp/reporting';
import { type GraphqlContext, perRequest } from '../../graphql/graphql-context';
import { ParseIdPipe } from '../../graphql/id';
import type { Connection } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { decodeComplianceCursor, encodeComplianceCursor } from './compliance-cursor';
import { ComplianceByStoreArgs } from './dto/compliance-by-store.args';
import { ComplianceTotalsObject, RegionComplianceObject } from './region-compliance.object';
import { selectsField } from './selects-field';
import { StoreComplianceConnection, StoreComplianceObject } from './store-compliance.object';

const MANAGERS_AND_HR = [Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN];

@Resolver()
export class ReportingResolver {
  constructor(private readonly reports: ComplianceReports) {}

  @Query(() => StoreComplianceObject, { description: 'A store in the caller’s scope (NOT_FOUND otherwise)' })
  @Roles(...MANAGERS_AND_HR)
  storeCompliance(
    @Args('storeId', { type: () => ID }, new ParseIdPipe('storeId')) storeId: number,
    @CurrentActor() actor: Actor,
  ): Promise<StoreComplianceObject> {
    return this.reports.storeCompliance(actor.scope, storeId);
  }

  @Query(() => StoreComplianceConnection, { description: 'Stores in the caller’s scope, lowest compliance first' })
  @Roles(...MANAGERS_AND_HR)
  async complianceByStore(
    @Args() args: ComplianceByStoreArgs,
    @CurrentActor() actor: Actor,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<StoreComplianceObject>> {
    const page = await this.reports.complianceByStore(
      actor.scope,
      { regionId: args.regionId, programId: args.programId },
      {
        first: args.first ?? DEFAULT_PAGE_SIZE,
        after: args.after === undefined || args.after === null ? undefined : decodeComplianceCursor(args.after),
      },
      {
        programs: selectsField(info, ['edges', 'node', 'programs']) || selectsField(info, ['edges', 'node', 'program']),
      },
    );
    const edges = page.items.map((node) => ({
      cursor: encodeComplianceCursor({ compliancePercent: node.compliancePercent, storeId: node.store.id }),
      node,
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => [RegionComplianceObject], {
    description:
      'One row per region with an open store in the caller’s scope; figures count only those stores. A region whose stores are all closed has no row',
  })
  @Roles(...MANAGERS_AND_HR)
  async regionCompliance(
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<RegionComplianceObject[]> {
    return (await this.rollupOf(actor, context)).regions;
  }

  @Query(() => ComplianceTotalsObject, {
    description:
      'The total over every open store in the caller’s scope: the whole chain for HR. Over no open store (every store in scope closed), nobody is required: zeros and compliancePercent 100',
  })
  @Roles(...MANAGERS_AND_HR)
  async chainCompliance(
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<ComplianceTotalsObject> {
    return (await this.rollupOf(actor, context)).total;
  }

  /** The two fields above, asked together (the HR home page), share one read of every store's figures. */
  private rollupOf(actor: Actor, context: GraphqlContext): Promise<ComplianceRollup> {
    return perRequest(context, 'complianceRollup', () => this.reports.complianceRollup(actor.scope));
  }
}
