import { Injectable } from '@nestjs/common';
import { Clock } from '@lp/core';
import type { AccessScope } from '@lp/organisation';
import {
  RegionComplianceQuery,
  type ComplianceTotals,
  type RegionComplianceRow,
} from '../queries/region-compliance.query';
import {
  type ComplianceCursor,
  type ProgramComplianceRow,
  StoreComplianceQuery,
  type StoreComplianceRow,
} from '../queries/store-compliance.query';
import { ReportSubjects } from './report-subjects';

export interface StoreComplianceReport extends StoreComplianceRow {
  programs: ProgramComplianceRow[];
}

export interface ComplianceRankingFilter {
  regionId?: number;
  programId?: number;
}

export interface ComplianceRankingPage {
  items: StoreComplianceReport[];
  hasNextPage: boolean;
  totalCount: number;
}

/** The compliance reports managers and HR read, always inside the caller's scope. */
@Injectable()
export class ComplianceReports {
  constructor(
    private readonly stores: StoreComplianceQuery,
    private readonly regions: RegionComplianceQuery,
    private readonly subjects: ReportSubjects,
    private readonly clock: Clock,
  ) {}

  async storeCompliance(scope: AccessScope, storeId: number): Promise<StoreComplianceReport> {
    await this.subjects.requireStore(scope, storeId);
    const now = this.clock.now();
    const selection = { scope, storeIds: [storeId] };
    const [[row], programs] = await Promise.all([
      this.stores.forStores(selection, { now }),
      this.stores.programsOf(selection, { now }),
    ]);
    return { ...row, programs };
  }

  async complianceByStore(
    scope: AccessScope,
    filter: ComplianceRankingFilter,
    page: { first: number; after?: ComplianceCursor },
  ): Promise<ComplianceRankingPage> {
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.programId !== undefined) await this.subjects.requireProgram(filter.programId);
    const now = this.clock.now();
    const options = { now, programId: filter.programId };
    const ranked = await this.stores.ranked({ scope, regionId: filter.regionId }, options, page);
    const storeIds = ranked.rows.map((row) => row.store.id);
    const programs = await this.stores.programsOf({ scope, storeIds }, options);
    return {
      items: ranked.rows.map((row) => ({
        ...row,
        programs: programs.filter((program) => program.storeId === row.store.id),
      })),
      hasNextPage: ranked.hasNextPage,
      totalCount: ranked.totalCount,
    };
  }

  regionCompliance(scope: AccessScope): Promise<RegionComplianceRow[]> {
    return this.regions.byRegion({ scope }, this.clock.now());
  }

  chainCompliance(scope: AccessScope): Promise<ComplianceTotals> {
    return this.regions.total({ scope }, this.clock.now());
  }
}
