import { pipeline, type Readable, Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { CERTIFICATION_STATUS_SQL, type CertificationFilter, filterCertifications } from '@lp/certification';
import { Clock } from '@lp/core';
import { type AccessScope, localIsoDay, resolveTimezone } from '@lp/organisation';
import { csvFile } from '../csv/csv-file';
import { storeFiguresSql } from '../queries/compliance-sql';
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

/**
 * Adds each certificate's issue and expiry days in its holder's store's zone (YYYY-MM-DD), the
 * days the certificate prints: the moments' UTC days are a day off for stores far from Greenwich.
 */
function withHolderDays(rows: Readable): Readable {
  const days = new Transform({
    objectMode: true,
    transform(row: { issued_at: Date; expires_at: Date; store_timezone: string }, _encoding, done) {
      const { timezone } = resolveTimezone(row.store_timezone);
      done(null, {
        ...row,
        issued_on: localIsoDay(row.issued_at, timezone),
        expires_on: localIsoDay(row.expires_at, timezone),
      });
    },
  });
  // A failing row stream fails `days`, and closing `days` closes the rows: csvFile sees both.
  return pipeline(rows, days, () => undefined);
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
    private readonly clock: Clock,
  ) {}

  /** The store rows of complianceByStore, lowest compliance first. */
  async storeCompliance(scope: AccessScope, filter: ComplianceRankingFilter): Promise<Readable> {
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.programId !== undefined) await this.subjects.requireProgram(filter.programId);
    const { sql, params } = storeFiguresSql(
      { scope, regionId: filter.regionId },
      { now: this.clock.now(), programId: filter.programId, activity: true },
    );
    const rows = await this.reader.stream(`${sql} ORDER BY compliance_percent, s.id`, params);
    return csvFile(rows, STORE_COMPLIANCE_COLUMNS);
  }

  /** Current certification cycles (or all, with includeHistory) matching the `certifications` filter. */
  async certifications(scope: AccessScope, filter: CertificationFilter): Promise<Readable> {
    if (filter.storeId !== undefined) await this.subjects.requireStore(scope, filter.storeId);
    if (filter.regionId !== undefined) await this.subjects.requireRegion(scope, filter.regionId);
    if (filter.programId !== undefined) await this.subjects.requireProgram(filter.programId);
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
    return csvFile(withHolderDays(await this.reader.streamQuery(query)), CERTIFICATION_COLUMNS);
  }
}
