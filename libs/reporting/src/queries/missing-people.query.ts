import { Injectable } from '@nestjs/common';
import { passCountsTowardProgram } from '@lp/certification';
import { type ListPlace, type OrderedPage, type PageRequest, placeAfter } from '@lp/core';
import type { AccessScope, Role } from '@lp/organisation';
import { ReportReader } from '../report-reader';
import { missingMembersSql } from './compliance-sql';

/** A store and one of its programmes. */
export interface StoreProgramKey {
  storeId: number;
  programId: number;
}

export interface MissingPersonRow {
  id: number;
  employeeNumber: string;
  email: string | null;
  firstName: string;
  lastName: string;
  role: Role;
  active: boolean;
  hireDate: string;
  jobRoleId: number;
  storeId: number;
}

/** A person and a programme they are missing. */
export interface MissingPersonKey {
  employeeId: number;
  programId: number;
}

/** A course of the programme passed already in a way that counts toward it: its latest such pass. */
export interface CoursePassedRow {
  courseId: number;
  completedAt: Date;
}

type RawRow = Record<string, string | number | null>;

export const storeProgramKey = (key: StoreProgramKey) => `${key.storeId}:${key.programId}`;
export const missingPersonKey = (key: MissingPersonKey) => `${key.employeeId}:${key.programId}`;

/**
 * Who is counted in a store's `missing` figure for a programme (missingMembersSql), by
 * last name, first name and id; keyset pages after a person's place, as every people list.
 */
@Injectable()
export class MissingPeopleQuery {
  constructor(private readonly reader: ReportReader) {}

  /**
   * One page per store and programme, read in one statement within `scope`: a store
   * outside it has nobody missing. Keyed by storeProgramKey.
   */
  async pages(
    scope: AccessScope,
    keys: readonly StoreProgramKey[],
    request: PageRequest,
  ): Promise<Map<string, OrderedPage<MissingPersonRow>>> {
    const storeIds = [...new Set(keys.map((key) => key.storeId))];
    const programIds = [...new Set(keys.map((key) => key.programId))];
    const missing = missingMembersSql({ scope, storeIds }, programIds);
    const afterPlace = placeAfter(request, 3);
    const after = afterPlace
      ? 'WHERE (i.last_name, i.first_name, i.id) > (:afterLastName, :afterFirstName, :afterId)'
      : '';
    const [rows, totals] = await Promise.all([
      this.reader.rows<RawRow>(
        `SELECT * FROM (
          SELECT i.*, ROW_NUMBER() OVER (PARTITION BY i.store_id, i.program_id ORDER BY i.last_name, i.first_name, i.id) AS position
          FROM (
            SELECT mm.store_id, mm.program_id, e.id, e.employee_number, e.email, e.first_name, e.last_name, e.role,
              e.active, DATE_FORMAT(e.hire_date, '%Y-%m-%d') AS hire_date, e.job_role_id
            FROM (${missing.sql}) mm JOIN employees e ON e.id = mm.employee_id
          ) i ${after}
        ) ranked WHERE ranked.position <= :limit
        ORDER BY ranked.store_id, ranked.program_id, ranked.position`,
        { ...missing.params, ...placeParams(afterPlace), limit: request.first + 1 },
      ),
      this.reader.rows<RawRow>(
        `SELECT mm.store_id, mm.program_id, COUNT(*) AS total FROM (${missing.sql}) mm GROUP BY mm.store_id, mm.program_id`,
        missing.params,
      ),
    ]);
    const pages = new Map<string, OrderedPage<MissingPersonRow>>(
      keys.map((key) => [
        storeProgramKey(key),
        { items: [], hasNextPage: false, totalCount: 0, placeOf: placeOfPerson },
      ]),
    );
    const pageOf = (raw: RawRow) =>
      pages.get(storeProgramKey({ storeId: Number(raw.store_id), programId: Number(raw.program_id) }));
    for (const raw of totals) {
      const page = pageOf(raw);
      if (page) page.totalCount = Number(raw.total);
    }
    for (const raw of rows) {
      const page = pageOf(raw);
      if (!page) continue;
      if (page.items.length === request.first) page.hasNextPage = true;
      else page.items.push(personOf(raw));
    }
    return pages;
  }

  /**
   * What each person has done already toward the programme they are missing: its courses they
   * passed in a way that counts (passCountsTowardProgram), in the programme's course order.
   * Read for people of a page `pages` listed, so within the caller's scope. Keyed by
   * missingPersonKey.
   */
  async coursesPassed(keys: readonly MissingPersonKey[]): Promise<Map<string, CoursePassedRow[]>> {
    const passed = new Map<string, CoursePassedRow[]>(keys.map((key) => [missingPersonKey(key), []]));
    if (keys.length === 0) return passed;
    const rows = await this.reader.rows<{
      employee_id: number;
      program_id: number;
      course_id: number;
      completed_at: Date;
    }>(
      `SELECT e.id AS employee_id, p.id AS program_id, pc.course_id,
          (SELECT MAX(done.completed_at) FROM assignments done WHERE ${passCountsTowardProgram('pc')}) AS completed_at
        FROM employees e
        JOIN certification_programs p ON p.id IN (:...programIds)
        JOIN program_courses pc ON pc.program_id = p.id
        LEFT JOIN certifications cur ON cur.employee_id = e.id AND cur.current_key = p.id
        WHERE e.id IN (:...employeeIds)
        HAVING completed_at IS NOT NULL
        ORDER BY pc.course_id`,
      {
        employeeIds: [...new Set(keys.map((key) => key.employeeId))],
        programIds: [...new Set(keys.map((key) => key.programId))],
      },
    );
    for (const row of rows) {
      // Every person with every programme asked about is read: only the pairs asked for are kept.
      passed
        .get(missingPersonKey({ employeeId: Number(row.employee_id), programId: Number(row.program_id) }))
        ?.push({ courseId: Number(row.course_id), completedAt: row.completed_at });
    }
    return passed;
  }
}

const placeOfPerson = (person: MissingPersonRow) => [person.lastName, person.firstName, person.id];

function placeParams(place: ListPlace | undefined) {
  if (!place) return {};
  const [afterLastName, afterFirstName, afterId] = place;
  return { afterLastName, afterFirstName, afterId };
}

function personOf(raw: RawRow): MissingPersonRow {
  return {
    id: Number(raw.id),
    employeeNumber: String(raw.employee_number),
    email: raw.email === null ? null : String(raw.email),
    firstName: String(raw.first_name),
    lastName: String(raw.last_name),
    role: String(raw.role) as Role,
    active: Boolean(Number(raw.active)),
    hireDate: String(raw.hire_date),
    jobRoleId: Number(raw.job_role_id),
    storeId: Number(raw.store_id),
  };
}
