import { Injectable } from '@nestjs/common';
import { ReportReader } from '../report-reader';
import { type StoreSelection, storeCondition } from '../store-selection';
import {
  type FigureOptions,
  percentSql,
  programActivitySql,
  programFiguresSql,
  storeActivitySql,
  storeFiguresSql,
} from './compliance-sql';

export interface ProgramComplianceRow {
  storeId: number;
  program: { id: number; code: string; name: string };
  required: number;
  certified: number;
  expiringSoon: number;
  expired: number;
  missing: number;
  compliancePercent: number;
}

/** A daily snapshot's figures: a store's programme figures with the store's assignment counts. */
export interface ProgramActivityRow {
  storeId: number;
  programId: number;
  required: number;
  certified: number;
  expiringSoon: number;
  expired: number;
  missing: number;
  compliancePercent: number;
  openAssignments: number;
  completedAssignments: number;
  overdueAssignments: number;
}

export interface StoreComplianceRow {
  store: { id: number; code: string; name: string; timezone: string; closedOn: string | null; regionId: number };
  regionCode: string;
  headcount: number;
  required: number;
  certified: number;
  expiringSoon: number;
  expired: number;
  missing: number;
  compliancePercent: number;
  /** Completed / all not cancelled; null when the store has no such assignment. */
  completionRatePercent: number | null;
  overdueAssignments: number;
  /** ASSIGNED or IN_PROGRESS (overdue ones included). */
  openAssignments: number;
  completedAssignments: number;
  /** Over attempts submitted in the last 90 days; null when there were none. */
  averageQuizScorePercent: number | null;
}

/** Where the next page of a compliance ranking starts (exclusive). */
export interface ComplianceCursor {
  compliancePercent: number;
  storeId: number;
}

export interface RankedPage {
  rows: StoreComplianceRow[];
  hasNextPage: boolean;
  totalCount: number;
}

type RawStoreRow = Record<string, string | number | null>;

const toNumber = (value: string | number | null | undefined) => Number(value ?? 0);
const toNullableNumber = (value: string | number | null | undefined) => (value == null ? null : Number(value));

function storeRowOf(raw: RawStoreRow): StoreComplianceRow {
  return {
    store: {
      id: toNumber(raw.store_id),
      code: String(raw.store_code),
      name: String(raw.store_name),
      timezone: String(raw.store_timezone),
      closedOn: raw.store_closed_on == null ? null : String(raw.store_closed_on),
      regionId: toNumber(raw.region_id),
    },
    regionCode: String(raw.region_code),
    headcount: toNumber(raw.headcount),
    required: toNumber(raw.required),
    certified: toNumber(raw.certified),
    expiringSoon: toNumber(raw.expiring_soon),
    expired: toNumber(raw.expired),
    missing: toNumber(raw.missing),
    compliancePercent: toNumber(raw.compliance_percent),
    completionRatePercent: toNullableNumber(raw.completion_rate_percent),
    overdueAssignments: toNumber(raw.overdue_assignments),
    openAssignments: toNumber(raw.open_assignments),
    completedAssignments: toNumber(raw.completed_assignments),
    averageQuizScorePercent: toNullableNumber(raw.average_quiz_score_percent),
  };
}

/**
 * The per-store and per-store-and-programme compliance figures: the one definition every
 * report (GraphQL, CSV, and later the daily snapshots) reads. Plain rows, computed by
 * grouped SQL; see libs/reporting/README.md for the indexes it relies on.
 */
@Injectable()
export class StoreComplianceQuery {
  constructor(private readonly reader: ReportReader) {}

  /** Store figures for every selected store, ordered by store id. */
  async forStores(selection: StoreSelection, options: FigureOptions): Promise<StoreComplianceRow[]> {
    const { sql, params } = storeFiguresSql(selection, { ...options, activity: true });
    const rows = await this.reader.rows<RawStoreRow>(`${sql} ORDER BY s.id`, params);
    return rows.map(storeRowOf);
  }

  /**
   * Stores lowest compliance first, ties by store id; keyset pages over (compliance, id).
   * The ranking reads only what orders it, and the page's assignment and quiz figures are
   * read for its stores alone: ranking with them averaged three months of every store's quiz
   * attempts to show 20 stores (4–6 s for a chain of 2,000).
   */
  async ranked(
    selection: StoreSelection,
    options: FigureOptions,
    page: { first: number; after?: ComplianceCursor },
  ): Promise<RankedPage> {
    const { sql, params } = storeFiguresSql(selection, { ...options, activity: false });
    const stores = storeCondition(selection);
    const after = page.after
      ? 'WHERE ranked.compliance_percent > :afterPercent OR (ranked.compliance_percent = :afterPercent AND ranked.store_id > :afterStoreId)'
      : '';
    const readPage = async () => {
      const rows = await this.reader.rows<RawStoreRow>(
        `SELECT * FROM (${sql}) ranked ${after}
          ORDER BY ranked.compliance_percent, ranked.store_id LIMIT ${page.first + 1}`,
        { ...params, afterPercent: page.after?.compliancePercent, afterStoreId: page.after?.storeId },
      );
      const shown = rows.slice(0, page.first);
      const storeIds = shown.map((row) => Number(row.store_id));
      const activity = await this.activityOf({ scope: selection.scope, storeIds }, options);
      return {
        rows: shown.map((row) => storeRowOf({ ...row, ...activity.get(Number(row.store_id)) })),
        hasNextPage: rows.length > page.first,
      };
    };
    const [shownPage, [{ total }]] = await Promise.all([
      readPage(),
      this.reader.rows<{ total: number }>(`SELECT COUNT(*) AS total FROM stores s WHERE ${stores.sql}`, stores.params),
    ]);
    return { ...shownPage, totalCount: Number(total) };
  }

  /** storeActivitySql's figures of the selected stores, by store id. */
  private async activityOf(selection: StoreSelection, options: FigureOptions): Promise<Map<number, RawStoreRow>> {
    if (selection.storeIds?.length === 0) return new Map();
    const { sql, params } = storeActivitySql(selection, options);
    const rows = await this.reader.rows<RawStoreRow>(sql, params);
    return new Map(rows.map((row) => [Number(row.store_id), row]));
  }

  /** Programme figures of the selected stores, by store id then programme code. */
  async programsOf(selection: StoreSelection, options: FigureOptions): Promise<ProgramComplianceRow[]> {
    const { sql, params } = programFiguresSql(selection, options);
    const rows = await this.reader.rows<RawStoreRow>(
      `SELECT f.*, p.code AS program_code, p.name AS program_name,
          ${percentSql('f.certified', 'f.required', '100')} AS compliance_percent
        FROM (${sql}) f JOIN certification_programs p ON p.id = f.program_id
        ORDER BY f.store_id, p.code`,
      params,
    );
    return rows.map((raw) => ({
      storeId: toNumber(raw.store_id),
      program: { id: toNumber(raw.program_id), code: String(raw.program_code), name: String(raw.program_name) },
      required: toNumber(raw.required),
      certified: toNumber(raw.certified),
      expiringSoon: toNumber(raw.expiring_soon),
      expired: toNumber(raw.expired),
      missing: toNumber(raw.missing),
      compliancePercent: toNumber(raw.compliance_percent),
    }));
  }

  /** Programme figures with the store's assignment counts, by store id then programme id (snapshots). */
  async programActivityOf(selection: StoreSelection, options: FigureOptions): Promise<ProgramActivityRow[]> {
    const { sql, params } = programActivitySql(selection, options);
    const rows = await this.reader.rows<RawStoreRow>(`${sql} ORDER BY f.store_id, f.program_id`, params);
    return rows.map((raw) => ({
      storeId: toNumber(raw.store_id),
      programId: toNumber(raw.program_id),
      required: toNumber(raw.required),
      certified: toNumber(raw.certified),
      expiringSoon: toNumber(raw.expiring_soon),
      expired: toNumber(raw.expired),
      missing: toNumber(raw.missing),
      compliancePercent: toNumber(raw.compliance_percent),
      openAssignments: toNumber(raw.open_assignments),
      completedAssignments: toNumber(raw.completed_assignments),
      overdueAssignments: toNumber(raw.overdue_assignments),
    }));
  }
}
