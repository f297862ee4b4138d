import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Clock, type Page, type PageRequest, paginate, type RawRow } from '@lp/core';
import {
  type AccessScope,
  EmployeeEntity,
  FALLBACK_TIMEZONE,
  resolveTimezone,
  restrictToScope,
  scopeReadsStores,
} from '@lp/organisation';
import { CertificationEntity, CertificationProgramEntity, ProgramCourseEntity } from '../entities';
import { CertificationStatus } from '../rules/certification-status';
import { expiringWithinEnd } from '../rules/expiring-within';
import { certificationRows, programRows } from './certification-rows';

export interface EarnedCourse {
  courseId: number;
  /** Null for a manual grant or when the version is unknown. */
  versionNumber: number | null;
  completedAt: Date;
}

export interface CertificationFilter {
  storeId?: number;
  regionId?: number;
  programId?: number;
  employeeId?: number;
  status?: CertificationStatus;
  expiringWithinDays?: number;
  /** Include superseded cycles (history), not only each holder's current one. */
  includeHistory?: boolean;
  /** Only holders who work here now (true) or who have left (false); the figures count the first. */
  holderActive?: boolean;
}

export interface HeldCertifications {
  certifications: CertificationEntity[];
  /** The holder's store's zone (UTC for one the runtime does not know); null with no certifications. */
  timezone: string | null;
}

/** The programme's recertification window end, as SQL over a certification aliased `c`. */
const WINDOW_END =
  'DATE_ADD(:now, INTERVAL (SELECT p.recertify_window_days FROM certification_programs p WHERE p.id = c.program_id) DAY)';

/**
 * Status conditions in SQL, matching rules/certification-status.ts: the window comes
 * from the programme, so EXPIRING compares against now + recertify_window_days.
 */
function whereStatus<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, status: CertificationStatus, now: Date) {
  switch (status) {
    case CertificationStatus.REVOKED:
      query.andWhere('c.revoked_at IS NOT NULL');
      return;
    case CertificationStatus.EXPIRED:
      query.andWhere('c.revoked_at IS NULL AND c.expires_at <= :now', { now });
      return;
    case CertificationStatus.EXPIRING:
      query.andWhere(`c.revoked_at IS NULL AND c.expires_at > :now AND c.expires_at <= ${WINDOW_END}`, { now });
      return;
    case CertificationStatus.ACTIVE:
      query.andWhere(`c.revoked_at IS NULL AND c.expires_at > ${WINDOW_END}`, { now });
      return;
  }
}

/** The derived status as a SQL expression over `c` (needs the `now` parameter), for exports. */
export const CERTIFICATION_STATUS_SQL = `CASE
  WHEN c.revoked_at IS NOT NULL THEN '${CertificationStatus.REVOKED}'
  WHEN c.expires_at <= :now THEN '${CertificationStatus.EXPIRED}'
  WHEN c.expires_at <= ${WINDOW_END} THEN '${CertificationStatus.EXPIRING}'
  ELSE '${CertificationStatus.ACTIVE}' END`;

/**
 * Not revoked, not yet expired, and ending by the end of the `days`-th calendar day from today
 * in the zone of the holder's store (expiringWithinEnd): what the certificate and the holder's
 * emails date. One bound per zone of the chain's stores, picked by the holder's store; a store
 * with an unknown zone counts in UTC, as it does everywhere else. Needs the holder joined as `e`.
 */
async function whereExpiringWithin<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, days: number, now: Date) {
  const stored = (await query.connection.query('SELECT DISTINCT timezone FROM stores')) as { timezone: string }[];
  const zones = [...new Set(stored.map((row) => resolveTimezone(row.timezone).timezone))];
  const ends = zones.map((zone) => expiringWithinEnd(now, days, zone));
  const expiringEndUtc = expiringWithinEnd(now, days, FALLBACK_TIMEZONE);
  const params: Record<string, unknown> = {
    now,
    expiringEndUtc,
    // The latest bound, so that the expiry indexes are read as one range.
    expiringLatestEnd: new Date(Math.max(expiringEndUtc.getTime(), ...ends.map((end) => end.getTime()))),
  };
  const cases = zones.map((zone, i) => {
    params[`expiringZone${i}`] = zone;
    params[`expiringEnd${i}`] = ends[i];
    return `WHEN :expiringZone${i} THEN :expiringEnd${i}`;
  });
  query.andWhere(
    `c.revoked_at IS NULL AND c.expires_at > :now AND c.expires_at < :expiringLatestEnd
      AND c.expires_at < CASE (SELECT hs.timezone FROM stores hs WHERE hs.id = e.store_id)
        ${cases.join(' ')} ELSE :expiringEndUtc END`,
    params,
  );
}

/**
 * Narrows a query over certifications `c` to the scope and the filter: the one definition
 * the `certifications` list and the CSV export share. A store or region scope or filter,
 * holderActive or expiringWithinDays reads the holders: they are joined as `e` then, unless the
 * query has them already. Otherwise they are not: for the whole chain the join made the list's
 * count 10× slower.
 */
export async function filterCertifications<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: AccessScope,
  filter: CertificationFilter,
  now: Date,
): Promise<SelectQueryBuilder<T>> {
  const readsHolder =
    scopeReadsStores(scope) ||
    filter.storeId !== undefined ||
    filter.regionId !== undefined ||
    filter.holderActive !== undefined ||
    filter.expiringWithinDays !== undefined;
  if (readsHolder && !query.expressionMap.aliases.some((alias) => alias.name === 'e')) {
    query.innerJoin(EmployeeEntity, 'e', 'e.id = c.employee_id');
  }
  restrictToScope(query, scope, { storeColumn: 'e.store_id', employeeColumn: 'c.employee_id' });
  if (!filter.includeHistory) query.andWhere('c.current_key IS NOT NULL');
  if (filter.storeId !== undefined) query.andWhere('e.store_id = :storeId', { storeId: filter.storeId });
  if (filter.regionId !== undefined) {
    query.andWhere('e.store_id IN (SELECT s.id FROM stores s WHERE s.region_id = :regionId)', {
      regionId: filter.regionId,
    });
  }
  if (filter.holderActive !== undefined)
    query.andWhere('e.active = :holderActive', { holderActive: filter.holderActive });
  if (filter.programId !== undefined) query.andWhere('c.program_id = :programId', { programId: filter.programId });
  if (filter.employeeId !== undefined) query.andWhere('c.employee_id = :employeeId', { employeeId: filter.employeeId });
  if (filter.status !== undefined) whereStatus(query, filter.status, now);
  if (filter.expiringWithinDays !== undefined) await whereExpiringWithin(query, filter.expiringWithinDays, now);
  return query;
}

/** People of the job role must hold the programme: everywhere, or in one store or region. */
export interface AudienceRule {
  jobRoleCode: string;
  storeId: number | null;
  regionId: number | null;
}

@Injectable()
export class CertificationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(
    scope: AccessScope,
    filter: CertificationFilter,
    page: PageRequest,
    direction: 'ASC' | 'DESC' = 'ASC',
  ): Promise<Page<CertificationEntity>> {
    const query = this.dataSource.getRepository(CertificationEntity).createQueryBuilder('c');
    await filterCertifications(query, scope, filter, this.clock.now());
    return paginate(query, 'c.id', page, direction);
  }

  /**
   * One cycle with its holder (and the holder's store) and programme, if the caller may see
   * it: their own, or one held by someone in their scope (the same people the
   * `certifications` list shows).
   */
  async findVisible(scope: AccessScope, callerId: number, id: number): Promise<CertificationEntity | null> {
    const query = this.dataSource
      .getRepository(CertificationEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.employee', 'e')
      .innerJoinAndSelect('e.store', 'holder_store')
      .innerJoinAndSelect('c.program', 'p')
      .where('c.id = :id', { id });
    const inScope = await (
      await filterCertifications(query.clone(), scope, { includeHistory: true }, this.clock.now())
    ).getOne();
    // Outside the scope, still the caller's own (e.g. a manager who holds it in another store).
    return inScope ?? query.andWhere('c.employee_id = :callerId', { callerId }).getOne();
  }

  /**
   * The holder's current cycle per programme, newest first, each with its programme, and the
   * zone of the holder's store, which their days are in (null when they hold none).
   */
  async mine(employeeId: number): Promise<HeldCertifications> {
    const rows = (await this.dataSource.query(
      `SELECT ${certificationRows.columns(this.dataSource, 'c')}, ${programRows.columns(this.dataSource, 'p')},
              s.timezone AS holder_timezone
         FROM certifications c
         JOIN certification_programs p ON p.id = c.program_id
         JOIN employees e ON e.id = c.employee_id
         JOIN stores s ON s.id = e.store_id
        WHERE c.employee_id = ? AND c.current_key IS NOT NULL
        ORDER BY c.issued_at DESC, c.id DESC`,
      [employeeId],
    )) as RawRow[];
    return {
      certifications: rows.map((row) =>
        Object.assign(certificationRows.from(this.dataSource, row), {
          program: programRows.from(this.dataSource, row),
        }),
      ),
      timezone: rows.length > 0 ? resolveTimezone(rows[0].holder_timezone as string).timezone : null,
    };
  }

  /** The certification a completed assignment earned (issued or renewed), if any. */
  earnedBy(assignmentId: number): Promise<CertificationEntity | null> {
    return this.dataSource
      .getRepository(CertificationEntity)
      .createQueryBuilder('c')
      .innerJoin('certification_courses', 'cc', 'cc.certification_id = c.id')
      .where('cc.assignment_id = :assignmentId', { assignmentId })
      .orderBy('c.id', 'DESC')
      .getOne();
  }

  /** What each cycle was earned on: course, version number and completion date, for auditors. */
  async earnedOn(certificationIds: readonly number[]): Promise<Map<number, EarnedCourse[]>> {
    const rows = (await this.dataSource.query(
      `SELECT cc.certification_id, cc.course_id, cc.completed_at, v.number AS version_number
         FROM certification_courses cc
         LEFT JOIN course_versions v ON v.id = cc.course_version_id
        WHERE cc.certification_id IN (?)
        ORDER BY cc.completed_at`,
      [certificationIds],
    )) as { certification_id: number; course_id: number; completed_at: Date; version_number: number | null }[];
    const byCertification = new Map<number, EarnedCourse[]>(certificationIds.map((id) => [id, []]));
    for (const row of rows) {
      byCertification.get(row.certification_id)!.push({
        courseId: row.course_id,
        versionNumber: row.version_number,
        completedAt: row.completed_at,
      });
    }
    return byCertification;
  }

  programsByIds(ids: readonly number[]): Promise<CertificationProgramEntity[]> {
    return this.dataSource.getRepository(CertificationProgramEntity).findBy({ id: In([...ids]) });
  }

  /** The ids of each programme's required courses, in the order the courses were created. */
  async requiredCourseIds(programIds: readonly number[]): Promise<Map<number, number[]>> {
    const rows = await this.dataSource
      .getRepository(ProgramCourseEntity)
      .find({ where: { programId: In([...programIds]) }, order: { courseId: 'ASC' } });
    const byProgram = new Map<number, number[]>();
    for (const row of rows) byProgram.set(row.programId, [...(byProgram.get(row.programId) ?? []), row.courseId]);
    return byProgram;
  }

  /** Each programme's audience rules, by job role code, in the order they were written. */
  async audienceRules(programIds: readonly number[]): Promise<Map<number, AudienceRule[]>> {
    const rows = (await this.dataSource.query(
      `SELECT pa.program_id, j.code, pa.store_id, pa.region_id
         FROM program_audiences pa JOIN job_roles j ON j.id = pa.job_role_id
        WHERE pa.program_id IN (?) ORDER BY pa.id`,
      [programIds],
    )) as { program_id: number; code: string; store_id: number | null; region_id: number | null }[];
    const byProgram = new Map<number, AudienceRule[]>();
    for (const row of rows) {
      const programId = Number(row.program_id);
      const rule = {
        jobRoleCode: row.code,
        storeId: row.store_id === null ? null : Number(row.store_id),
        regionId: row.region_id === null ? null : Number(row.region_id),
      };
      byProgram.set(programId, [...(byProgram.get(programId) ?? []), rule]);
    }
    return byProgram;
  }
}
