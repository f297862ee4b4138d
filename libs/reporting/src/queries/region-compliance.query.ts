import { Injectable } from '@nestjs/common';
import { ReportReader } from '../report-reader';
import type { StoreSelection } from '../store-selection';
import { percentSql, storeFiguresSql } from './compliance-sql';

export interface ComplianceTotals {
  headcount: number;
  required: number;
  certified: number;
  expiringSoon: number;
  expired: number;
  missing: number;
  compliancePercent: number;
}

export interface RegionComplianceRow extends ComplianceTotals {
  region: { id: number; code: string; name: string };
}

type RawRow = Record<string, string | number | null>;

const totalsOf = (raw: RawRow): ComplianceTotals => ({
  headcount: Number(raw.headcount ?? 0),
  required: Number(raw.required ?? 0),
  certified: Number(raw.certified ?? 0),
  expiringSoon: Number(raw.expiring_soon ?? 0),
  expired: Number(raw.expired ?? 0),
  missing: Number(raw.missing ?? 0),
  compliancePercent: Number(raw.compliance_percent),
});

const TOTALS = `COALESCE(SUM(sf.headcount), 0) AS headcount,
  COALESCE(SUM(sf.required), 0) AS required,
  COALESCE(SUM(sf.certified), 0) AS certified,
  COALESCE(SUM(sf.expiring_soon), 0) AS expiring_soon,
  COALESCE(SUM(sf.expired), 0) AS expired,
  COALESCE(SUM(sf.missing), 0) AS missing,
  ${percentSql('COALESCE(SUM(sf.certified), 0)', 'COALESCE(SUM(sf.required), 0)', '100')} AS compliance_percent`;

export interface ComplianceRollup {
  /** One row per region that has a selected store, by region code. */
  regions: RegionComplianceRow[];
  /** Over every selected store (the chain, for HR). */
  total: ComplianceTotals;
}

/** What TOTALS answers over no store at all, a row WITH ROLLUP does not give. */
const NO_STORES: ComplianceTotals = {
  headcount: 0,
  required: 0,
  certified: 0,
  expiringSoon: 0,
  expired: 0,
  missing: 0,
  compliancePercent: 100,
};

/** Rollups of the store figures (storeFiguresSql) by region and over the whole selection. */
@Injectable()
export class RegionComplianceQuery {
  constructor(private readonly reader: ReportReader) {}

  /**
   * Both rollups from one read of the store figures: WITH ROLLUP adds the total as a row
   * whose id is NULL (its code and name are MAX()es, which MariaDB needs in place of the
   * columns the id determines). MariaDB refuses ORDER BY beside WITH ROLLUP, hence the
   * outer query.
   */
  async rollup(selection: StoreSelection, now: Date): Promise<ComplianceRollup> {
    const { sql, params } = storeFiguresSql(selection, { now, activity: false });
    const rows = await this.reader.rows<RawRow>(
      `SELECT * FROM (
          SELECT r.id, MAX(r.code) AS code, MAX(r.name) AS name, ${TOTALS}
            FROM (${sql}) sf JOIN regions r ON r.id = sf.region_id
           GROUP BY r.id WITH ROLLUP
        ) rolled
        ORDER BY rolled.id IS NULL, rolled.code`,
      params,
    );
    const total = rows.find((raw) => raw.id === null);
    return {
      regions: rows
        .filter((raw) => raw.id !== null)
        .map((raw) => ({
          region: { id: Number(raw.id), code: String(raw.code), name: String(raw.name) },
          ...totalsOf(raw),
        })),
      total: total ? totalsOf(total) : NO_STORES,
    };
  }
}
