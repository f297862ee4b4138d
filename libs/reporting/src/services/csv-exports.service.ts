import { pipeline, Readable, Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AssignmentStatus, OPEN_ASSIGNMENT_STATUSES, presentedStatusCondition } from '@lp/assignments';
import { CERTIFICATION_STATUS_SQL, type CertificationFilter, filterCertifications } from '@lp/certification';
import { Clock } from '@lp/core';
import { type AccessScope, localIsoDay, resolveTimezone } from '@lp/organisation';
import { csvFile } from '../csv/csv-file';
import { missingMembersSql, storeFiguresSql } from '../queries/compliance-sql';
import { RegionComplianceQuery } from '../queries/region-compliance.query';
import { storeCondition } from '../store-selection';
import { ReportReader } from '../report-reader';
import type { ComplianceRankingFilter } from './compliance-reports.service';
import { ReportSubjects } from './report-subjects';

const STORE_COMPLIANCE_COLUMNS = [
  { key: 'store_code', header: 'storeCode' },
  { key: 'store_name', header: 'storeName' },
  { key: 'region_code', header: 'regionCode' },
  { key: 'headcount', header: 'headcount' },
  { key: 'required', header: 'required' },
  { key: 'certified', header: 'certified' },
  { key: 'expiring_soon', header: 'expiringSoon' },
  { key: 'expired', header: 'expired' },
  { key: 'missing', header: 'missing' },
  { key: 'compliance_percent', header: 'compliancePercent' },
  { key: 'completion_rate_percent', header: 'completionRatePercent' },
  { key: 'overdue_assignments', header: 'overdueAssignments' },
  { key: 'average_quiz_score_percent', header: 'averageQuizScorePercent' },
];

const REGION_COMPLIANCE_COLUMNS = [
  { key: 'region_code', header: 'regionCode' },
  { key: 'region_name', header: 'regionName' },
  { key: 'headcount', header: 'headcount' },
  { key: 'required', header: 'required' },
  { key: 'certified', header: 'certified' },
  { key: 'expiring_soon', header: 'expiringSoon' },
  { key: 'expired', header: 'expired' },
  { key: 'missing', header: 'missing' },
  { key: 'compliance_percent', header: 'compliancePercent' },
];

const CERTIFICATION_COLUMNS = [
  { key: 'certificate_number', header: 'certificateNumber' },
  { key: 'status', header: 'status' },
  { key: 'program_code', header: 'programCode' },
  { key: 'employee_number', header: 'employeeNumber' },
  { key: 'first_name', header: 'firstName' },
  { key: 'last_name', header: 'lastName' },
  { key: 'store_code', header: 'storeCode' },
  { key: 'region_code', header: 'regionCode' },
  { key: 'issued_at', header: 'issuedAt' },
  { key: 'expires_at', header: 'expiresAt' },
  { key: 'revoked_at', header: 'revokedAt' },
  { key: 'issued_on', header: 'issuedOn' },
  { key: 'expires_on', header: 'expiresOn' },
];

const MISSING_CERTIFICATION_COLUMNS = [
  { key: 'store_code', header: 'storeCode' },
  { key: 'store_name', header: 'storeName' },
  { key: 'region_code', header: 'regionCode' },
  { key: 'program_code', header: 'programCode' },
  { key: 'program_name', header: 'programName' },
  { key: 'employee_number', header: 'employeeNumber' },
  { key: 'first_name', header: 'firstName' },
  { key: 'last_name', header: 'lastName' },
  { key: 'email', header: 'email' },
  { key: 'job_role_code', header: 'jobRoleCode' },
  { key: 'hire_date', header: 'hireDate' },
  { key: 'revoked_at', header: 'revokedAt' },
];

const OPEN_ASSIGNMENT_COLUMNS = [
  { key: 'store_code', header: 'storeCode' },
  { key: 'region_code', header: 'regionCode' },
  { key: 'employee_number', header: 'employeeNumber' },
  { key: 'first_name', header: 'firstName' },
  { key: 'last_name', header: 'lastName' },
  { key: 'job_role_code', header: 'jobRoleCode' },
  { key: 'course_code', header: 'courseCode' },
  { key: 'course_title', header: 'courseTitle' },
  { key: 'status', header: 'status' },
  { key: 'reason', header: 'reason' },
  { key: 'program_code', header: 'programCode' },
  { key: 'assigned_at', header: 'assignedAt' },
  { key: 'due_at', header: 'dueAt' },
  { key: 'due_on', header: 'dueOn' },
];

export interface MissingCertificationFilter {
  storeId?: number;
  regionId?: number;
  programId?: number;
}

/** The statuses an open assignment shows: OVERDUE is ASSIGNED or IN_PROGRESS past its due date. */
export const OPEN_WORK_STATUSES = [AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.OVERDUE];

export interface OpenAssignmentFilter {
  storeId?: number;
  regionId?: number;
  courseId?: number;
  /** One of OPEN_WORK_STATUSES; all of them when not given. */
  status?: AssignmentStatus;
}

/**
 * Adds days in the zone of each row's store (`store_timezone`), YYYY-MM-DD: `days` maps each new
 * column to the moment it is the day of. These are the days a certificate prints and the
 * dashboard shows; the moments' UTC days are a day off for stores far from Greenwich.
 */
function withStoreDays(rows: Readable, days: Record<string, string>): Readable {
  const addDays = new Transform({
    objectMode: true,
    transform(row: Record<string, unknown> & { store_timezone: string }, _encoding, done) {
      const { timezone } = resolveTimezone(row.store_timezone);
      const local = Object.entries(days).map(([day, moment]) => [day, localIsoDay(row[moment] as Date, timezone)]);
      done(null, { ...row, ...Object.fromEntries(local) });
    },
  });
  // A failing row stream fails `addDays`, and closing `addDays` closes the rows: csvFile sees both.
  return pipeline(rows, addDays, () => undefined);
}

/**
 * The CSV exports. Every id is checked before the first row is read, so a bad request
 * fails with an error instead of a partial file; rows stream from the database.
 */
@Injectable()
export class CsvExports {
  constructor(
    private readonly reader: ReportReader,
    private readonly subjects: ReportSubjects,
    private readonly regions: RegionComplianceQuery,
    private readonly clock: Clock,
  ) {}

  /** The store rows of complianceByStore, lowest compliance first. */
  async storeCompliance(scope: AccessScope, filter: ComplianceRankingFilter): Promise<Readable> {
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.programId !== undefined) await this.subjects.requireProgram(filter.programId);
    const { sql, params } = storeFiguresSql(
      { scope, regionId: filter.regionId, openOnly: true },
      { now: this.clock.now(), programId: filter.programId, activity: true },
    );
    const rows = await this.reader.stream(`${sql} ORDER BY compliance_percent, s.id`, params);
    return csvFile(rows, STORE_COMPLIANCE_COLUMNS);
  }

  /** The rows of regionCompliance, by region code: one per region, so read whole rather than streamed. */
  async regionCompliance(scope: AccessScope): Promise<Readable> {
    const { regions } = await this.regions.rollup({ scope, openOnly: true }, this.clock.now());
    const rows = regions.map(({ region, ...totals }) => ({
      region_code: region.code,
      region_name: region.name,
      headcount: totals.headcount,
      required: totals.required,
      certified: totals.certified,
      expiring_soon: totals.expiringSoon,
      expired: totals.expired,
      missing: totals.missing,
      compliance_percent: totals.compliancePercent,
    }));
    return csvFile(Readable.from(rows), REGION_COMPLIANCE_COLUMNS);
  }

  /** Current certification cycles (or all, with includeHistory) matching the `certifications` filter. */
  async certifications(scope: AccessScope, filter: CertificationFilter): Promise<Readable> {
    if (filter.storeId !== undefined) await this.subjects.requireStore(scope, filter.storeId);
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.programId !== undefined) await this.subjects.requireProgram(filter.programId);
    if (filter.employeeId !== undefined) await this.subjects.requireEmployee(scope, filter.employeeId);
    const now = this.clock.now();
    const query = this.reader
      .select()
      .select([
        'c.certificate_number AS certificate_number',
        `${CERTIFICATION_STATUS_SQL} AS status`,
        'p.code AS program_code',
        'e.employee_number AS employee_number',
        'e.first_name AS first_name',
        'e.last_name AS last_name',
        'st.code AS store_code',
        'rg.code AS region_code',
        'c.issued_at AS issued_at',
        'c.expires_at AS expires_at',
        'c.revoked_at AS revoked_at',
        'st.timezone AS store_timezone',
      ])
      .from('certifications', 'c')
      .innerJoin('employees', 'e', 'e.id = c.employee_id')
      .innerJoin('certification_programs', 'p', 'p.id = c.program_id')
      .innerJoin('stores', 'st', 'st.id = e.store_id')
      .innerJoin('regions', 'rg', 'rg.id = st.region_id')
      .setParameter('now', now)
      .orderBy('c.id');
    await filterCertifications(query, scope, filter, now);
    const rows = await this.reader.streamQuery(query);
    return csvFile(withStoreDays(rows, { issued_on: 'issued_at', expires_on: 'expires_at' }), CERTIFICATION_COLUMNS);
  }

  /**
   * The people each store's `missing` figure counts (missingMembersSql, as `missingEmployees`
   * lists them), by store, programme, last name, first name; revokedAt when their current
   * cycle was revoked, empty when they never held one.
   */
  async missingCertifications(scope: AccessScope, filter: MissingCertificationFilter): Promise<Readable> {
    if (filter.storeId !== undefined) await this.subjects.requireStore(scope, filter.storeId);
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.programId !== undefined) await this.subjects.requireProgram(filter.programId);
    const missing = missingMembersSql(
      { scope, storeIds: filter.storeId === undefined ? undefined : [filter.storeId], regionId: filter.regionId },
      filter.programId === undefined ? undefined : [filter.programId],
    );
    const rows = await this.reader.stream(
      `SELECT st.code AS store_code, st.name AS store_name, rg.code AS region_code,
          p.code AS program_code, p.name AS program_name,
          e.employee_number, e.first_name, e.last_name, e.email, jr.code AS job_role_code,
          DATE_FORMAT(e.hire_date, '%Y-%m-%d') AS hire_date, c.revoked_at
        FROM (${missing.sql}) mm
        JOIN employees e ON e.id = mm.employee_id
        JOIN job_roles jr ON jr.id = e.job_role_id
        JOIN stores st ON st.id = mm.store_id
        JOIN regions rg ON rg.id = st.region_id
        JOIN certification_programs p ON p.id = mm.program_id
        LEFT JOIN certifications c ON c.employee_id = mm.employee_id AND c.current_key = mm.program_id
        ORDER BY st.code, p.code, e.last_name, e.first_name, e.id`,
      missing.params,
    );
    return csvFile(rows, MISSING_CERTIFICATION_COLUMNS);
  }

  /**
   * Open assignments (ASSIGNED, IN_PROGRESS, OVERDUE) of the people who work in the selected
   * stores now, as the store's open and overdue figures count them; by store, then the
   * longest overdue first.
   */
  async openAssignments(scope: AccessScope, filter: OpenAssignmentFilter): Promise<Readable> {
    if (filter.storeId !== undefined) await this.subjects.requireStore(scope, filter.storeId);
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.courseId !== undefined) await this.subjects.requireCourse(filter.courseId);
    const now = this.clock.now();
    const stores = storeCondition({
      scope,
      storeIds: filter.storeId === undefined ? undefined : [filter.storeId],
      regionId: filter.regionId,
    });
    const [statusSql, statusParams] =
      filter.status === undefined ? ['1 = 1', {}] : presentedStatusCondition(filter.status, now);
    const rows = await this.reader.stream(
      `SELECT s.code AS store_code, r.code AS region_code, s.timezone AS store_timezone,
          e.employee_number, e.first_name, e.last_name, jr.code AS job_role_code,
          co.code AS course_code, co.title AS course_title,
          CASE WHEN a.due_at < :now THEN '${AssignmentStatus.OVERDUE}' ELSE a.status END AS status,
          a.reason, p.code AS program_code, a.created_at AS assigned_at, a.due_at
        FROM stores s
        JOIN regions r ON r.id = s.region_id
        JOIN employees e ON e.store_id = s.id AND e.active = 1
        JOIN job_roles jr ON jr.id = e.job_role_id
        JOIN assignments a ON a.employee_id = e.id
        JOIN courses co ON co.id = a.course_id
        LEFT JOIN certification_programs p ON p.id = a.program_id
        WHERE ${stores.sql} AND a.status IN (:...openStatuses) AND ${statusSql}
          ${filter.courseId === undefined ? '' : 'AND a.course_id = :courseId'}
        ORDER BY s.code, a.due_at, a.id`,
      {
        ...stores.params,
        ...statusParams,
        now,
        openStatuses: OPEN_ASSIGNMENT_STATUSES,
        courseId: filter.courseId,
      },
    );
    return csvFile(withStoreDays(rows, { due_on: 'due_at' }), OPEN_ASSIGNMENT_COLUMNS);
  }
}
