import { CertificationStatus, type CertificationFilter } from '@lp/certification';
import type { AssignmentStatus } from '@lp/assignments';
import { BadInputError } from '@lp/core';
import {
  type ComplianceRankingFilter,
  type MissingCertificationFilter,
  OPEN_WORK_STATUSES,
  type OpenAssignmentFilter,
} from '@lp/reporting';

type Query = Record<string, unknown>;
type Parser<T> = (value: string, name: string) => T;

const MAX_ID = 4_294_967_295;
const MAX_EXPIRING_WITHIN_DAYS = 730;

const id: Parser<number> = (value, name) => {
  const parsed = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(parsed >= 1 && parsed <= MAX_ID)) throw new BadInputError(`${name} must be an id`, name);
  return parsed;
};

const days: Parser<number> = (value, name) => {
  const parsed = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(parsed <= MAX_EXPIRING_WITHIN_DAYS)) {
    throw new BadInputError(`${name} must be a whole number of days from 0 to ${MAX_EXPIRING_WITHIN_DAYS}`, name);
  }
  return parsed;
};

const status: Parser<CertificationStatus> = (value, name) => {
  if (!Object.values<string>(CertificationStatus).includes(value)) {
    throw new BadInputError(`${name} must be one of ${Object.values(CertificationStatus).join(', ')}`, name);
  }
  return value as CertificationStatus;
};

const openWorkStatus: Parser<AssignmentStatus> = (value, name) => {
  if (!OPEN_WORK_STATUSES.includes(value as AssignmentStatus)) {
    throw new BadInputError(
      `${name} must be one of ${OPEN_WORK_STATUSES.join(', ')}: this export lists open work`,
      name,
    );
  }
  return value as AssignmentStatus;
};

const flag: Parser<boolean> = (value, name) => {
  if (value !== 'true' && value !== 'false') throw new BadInputError(`${name} must be true or false`, name);
  return value === 'true';
};

/**
 * Reads query-string parameters strictly: an unknown, repeated or malformed one is
 * BAD_USER_INPUT (400) before any CSV is written; an empty value means "not given".
 */
function parseParams<T extends object>(query: Query, parsers: { [K in keyof T]: Parser<T[K]> }): T {
  const result: Partial<T> = {};
  for (const [name, raw] of Object.entries(query)) {
    // Own keys only: ?valueOf=1 must not find Object.prototype.valueOf.
    const parser = Object.hasOwn(parsers, name) ? parsers[name as keyof T] : undefined;
    if (!parser) {
      const known = Object.keys(parsers).join(', ');
      const takes = known ? `takes ${known}` : 'takes no parameters';
      throw new BadInputError(`Unknown parameter ${name}; this export ${takes}`, name);
    }
    if (typeof raw !== 'string') throw new BadInputError(`${name} must be given once`, name);
    if (raw !== '') result[name as keyof T] = parser(raw, name);
  }
  return result as T;
}

export function parseStoreComplianceParams(query: Query): ComplianceRankingFilter {
  return parseParams<ComplianceRankingFilter>(query, { regionId: id, programId: id });
}

/** regionCompliance takes no parameters: its rows are the caller's whole scope. */
export function parseRegionComplianceParams(query: Query): void {
  parseParams<object>(query, {});
}

export function parseCertificationParams(query: Query): CertificationFilter {
  return parseParams<CertificationFilter>(query, {
    storeId: id,
    regionId: id,
    programId: id,
    employeeId: id,
    status,
    expiringWithinDays: days,
    includeHistory: flag,
    holderActive: flag,
  });
}

export function parseMissingCertificationParams(query: Query): MissingCertificationFilter {
  return parseParams<MissingCertificationFilter>(query, { storeId: id, regionId: id, programId: id });
}

export function parseOpenAssignmentParams(query: Query): OpenAssignmentFilter {
  return parseParams<OpenAssignmentFilter>(query, {
    storeId: id,
    regionId: id,
    courseId: id,
    status: openWorkStatus,
  });
}
