import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@lp/core';
import type { AccessScope } from '@lp/organisation';
import { type ComplianceRollup, RegionComplianceQuery } from '../queries/region-compliance.query';
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

  /** NOT_FOUND for a store outside the scope: the figures are read within it, so they find no row. */
  async storeCompliance(scope: AccessScope, storeId: number): Promise<StoreComplianceReport> {
    const now = this.clock.now();
    const selection = { scope, storeIds: [storeId] };
    const [[row], programs] = await Promise.all([
      this.stores.forStores(selection, { now }),
      this.stores.programsOf(selection, { now }),
    ]);
    if (!row) throw new NotFoundError('Store', storeId);
    return { ...row, programs };
  }

  /**
   * Open stores only: a closed one has nobody to rank (its history is in the trends). The
   * ranking is read within the scope while the region and programme are checked, so a
   * refused subject answers NOT_FOUND without revealing any figure. Programme figures are
   * read only when asked for (`include.programs`); otherwise every item's list is empty.
   */
  async complianceByStore(
    scope: AccessScope,
    filter: ComplianceRankingFilter,
    page: { first: number; after?: ComplianceCursor },
    include: { programs: boolean } = { programs: true },
  ): Promise<ComplianceRankingPage> {
    const now = this.clock.now();
    const options = { now, programId: filter.programId };
    const [ranked] = await Promise.all([
      this.stores.ranked({ scope, regionId: filter.regionId, openOnly: true }, options, page),
      filter.regionId === undefined ? undefined : this.subjects.requireRegion(scope, filter.regionId),
      filter.programId === undefined ? undefined : this.subjects.requireProgram(filter.programId),
    ]);
    const storeIds = ranked.rows.map((row) => row.store.id);
    const programs = include.programs ? await this.stores.programsOf({ scope, storeIds }, options) : [];
    return {
      items: ranked.rows.map((row) => ({
        ...row,
        programs: programs.filter((program) => program.storeId === row.store.id),
      })),
      hasNextPage: ranked.hasNextPage,
      totalCount: ranked.totalCount,
    };
  }

  /** The figures of each region with an open store in the scope, and their total. */
  complianceRollup(scope: AccessScope): Promise<ComplianceRollup> {
    return this.regions.rollup({ scope, openOnly: true }, this.clock.now());
  }
}
