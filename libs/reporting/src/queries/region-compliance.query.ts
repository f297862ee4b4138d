import { Injectable } from '@nestjs/common';
import { ReportReader } from '../report-reader';
import type { StoreSelection } from '../store-selection';
import { percentSql, storeFiguresSql } from './compliance-sql';

export interface ComplianceTotals {
  headcount: number;
  required: number;
  certified: number;
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
  compliancePercent: Number(raw.compliance_percent),
});

const TOTALS = `COALESCE(SUM(sf.headcount), 0) AS headcount,
  COALESCE(SUM(sf.required), 0) AS required,
  COALESCE(SUM(sf.certified), 0) AS certified,
  ${percentSql('COALESCE(SUM(sf.certified), 0)', 'COALESCE(SUM(sf.required), 0)', '100')} AS compliance_percent`;

/** Rollups of the store figures (storeFiguresSql) by region and over the whole selection. */
@Injectable()
export class RegionComplianceQuery {
  constructor(private readonly reader: ReportReader) {}

  /** One row per region that has a selected store, by region code. */
  async byRegion(selection: StoreSelection, now: Date): Promise<RegionComplianceRow[]> {
    const { sql, params } = storeFiguresSql(selection, { now, activity: false });
    const rows = await this.reader.rows<RawRow>(
      `SELECT r.id, r.code, r.name, ${TOTALS}
         FROM (${sql}) sf JOIN regions r ON r.id = sf.region_id
        GROUP BY r.id, r.code, r.name
        ORDER BY r.code`,
      params,
    );
    return rows.map((raw) => ({
      region: { id: Number(raw.id), code: String(raw.code), name: String(raw.name) },
      ...totalsOf(raw),
    }));
  }

  /** The total over every selected store (the chain, for HR). */
  async total(selection: StoreSelection, now: Date): Promise<ComplianceTotals> {
    const { sql, params } = storeFiguresSql(selection, { now, activity: false });
    const [raw] = await this.reader.rows<RawRow>(`SELECT ${TOTALS} FROM (${sql}) sf`, params);
    return totalsOf(raw);
  }
}
