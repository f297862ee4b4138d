import { Injectable } from '@nestjs/common';
import { BadInputError } from '@lp/core';
import type { AccessScope } from '@lp/organisation';
import { percentSql } from '../queries/compliance-sql';
import { ReportReader } from '../report-reader';
import { ReportSubjects } from '../services/report-subjects';
import { storeCondition, type StoreSelection } from '../store-selection';
import { isUtcDay, type UtcDay, utcDayOf, utcDaysBetween } from './utc-day';

/** The longest trend one request may ask for. */
export const MAX_TREND_DAYS = 400;

export interface TrendPoint {
  day: UtcDay;
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

export interface TrendPeriod {
  from: string;
  to: string;
}

type RawPoint = Record<string, string | number | Date | null>;

const FIGURES = ['required', 'certified', 'expiring_soon', 'expired', 'missing'] as const;
const ACTIVITY = ['open_assignments', 'completed_assignments', 'overdue_assignments'] as const;

function pointOf(raw: RawPoint): TrendPoint {
  const n = (key: string) => Number(raw[key] ?? 0);
  return {
    day: raw.day instanceof Date ? utcDayOf(raw.day) : String(raw.day).slice(0, 10),
    required: n('required'),
    certified: n('certified'),
    expiringSoon: n('expiring_soon'),
    expired: n('expired'),
    missing: n('missing'),
    compliancePercent: n('compliance_percent'),
    openAssignments: n('open_assignments'),
    completedAssignments: n('completed_assignments'),
    overdueAssignments: n('overdue_assignments'),
  };
}

/**
 * Daily points read from store_compliance_snapshots, inside the caller's scope (a store or
 * region outside it is NOT_FOUND, like the other reports). Days without a snapshot are
 * absent, not zero. Region and chain points add up the stores' counts and divide the sums.
 */
@Injectable()
export class ComplianceTrends {
  constructor(
    private readonly reader: ReportReader,
    private readonly subjects: ReportSubjects,
  ) {}

  async storeTrend(scope: AccessScope, storeId: number, programId: number, period: TrendPeriod): Promise<TrendPoint[]> {
    assertPeriod(period);
    await this.subjects.requireStore(scope, storeId);
    await this.subjects.requireProgram(programId);
    const rows = await this.reader.rows<RawPoint>(
      `SELECT day, ${[...FIGURES, 'compliance_percent', ...ACTIVITY].join(', ')}
         FROM store_compliance_snapshots
        WHERE store_id = :storeId AND program_id = :programId AND day BETWEEN :from AND :to
        ORDER BY day`,
      { storeId, programId, from: period.from, to: period.to },
    );
    return rows.map(pointOf);
  }

  async regionTrend(
    scope: AccessScope,
    regionId: number,
    programId: number,
    period: TrendPeriod,
  ): Promise<TrendPoint[]> {
    assertPeriod(period);
    await this.subjects.requireRegion(scope, regionId);
    await this.subjects.requireProgram(programId);
    return this.summedTrend({ scope, regionId }, programId, period);
  }

  /** Every store in the caller's scope: the whole chain for HR, a regional manager's regions. */
  async chainTrend(scope: AccessScope, programId: number, period: TrendPeriod): Promise<TrendPoint[]> {
    assertPeriod(period);
    await this.subjects.requireProgram(programId);
    return this.summedTrend({ scope }, programId, period);
  }

  private async summedTrend(selection: StoreSelection, programId: number, period: TrendPeriod): Promise<TrendPoint[]> {
    const inScope = storeCondition(selection);
    const sums = [...FIGURES, ...ACTIVITY].map((column) => `SUM(sn.${column}) AS ${column}`).join(', ');
    const rows = await this.reader.rows<RawPoint>(
      `SELECT sn.day, ${sums}, ${percentSql('SUM(sn.certified)', 'SUM(sn.required)', '100')} AS compliance_percent
         FROM store_compliance_snapshots sn
         JOIN stores s ON s.id = sn.store_id
        WHERE ${inScope.sql} AND sn.program_id = :programId AND sn.day BETWEEN :from AND :to
        GROUP BY sn.day
        ORDER BY sn.day`,
      { ...inScope.params, programId, from: period.from, to: period.to },
    );
    return rows.map(pointOf);
  }
}

function assertPeriod({ from, to }: TrendPeriod): void {
  if (!isUtcDay(from)) throw new BadInputError('from must be a date, YYYY-MM-DD', 'from');
  if (!isUtcDay(to)) throw new BadInputError('to must be a date, YYYY-MM-DD', 'to');
  const days = utcDaysBetween(from, to);
  if (days < 0) throw new BadInputError('from must not be after to', 'from');
  if (days + 1 > MAX_TREND_DAYS) throw new BadInputError(`Ask for at most ${MAX_TREND_DAYS} days at a time`, 'to');
}
