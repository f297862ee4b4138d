import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@lp/core';
import { type AccessScope, scopeCoversStore } from '@lp/organisation';
import { ReportReader } from '../report-reader';
import { storeCondition } from '../store-selection';

/**
 * Checks the ids a report is asked about. A store, region or person outside the caller's scope
 * answers NOT_FOUND, exactly like an unknown one, so ids cannot be probed (the same rule
 * as the `store` query); a report that reads figures alongside the check discards them
 * when it fails.
 */
@Injectable()
export class ReportSubjects {
  constructor(private readonly reader: ReportReader) {}

  async requireStore(scope: AccessScope, storeId: number): Promise<void> {
    const [store] = await this.reader.rows<{ id: number; region_id: number }>(
      'SELECT id, region_id FROM stores WHERE id = :storeId',
      { storeId },
    );
    if (!store || !scopeCoversStore(scope, { id: store.id, regionId: store.region_id })) {
      throw new NotFoundError('Store', storeId);
    }
  }

  /** Someone whose store the caller sees, as the certifications of a person are scoped by their store. */
  async requireEmployee(scope: AccessScope, employeeId: number): Promise<void> {
    const [employee] = await this.reader.rows<{ store_id: number; region_id: number }>(
      'SELECT e.store_id, s.region_id FROM employees e JOIN stores s ON s.id = e.store_id WHERE e.id = :employeeId',
      { employeeId },
    );
    if (!employee || !scopeCoversStore(scope, { id: employee.store_id, regionId: employee.region_id })) {
      throw new NotFoundError('Employee', employeeId);
    }
  }

  /** A region the caller sees: any for chain-wide roles, otherwise one holding a store in scope. */
  async requireRegion(scope: AccessScope, regionId: number): Promise<void> {
    const inScope = storeCondition({ scope });
    const sql =
      scope.kind === 'chain'
        ? 'SELECT 1 AS found FROM regions WHERE id = :regionId'
        : `SELECT 1 AS found FROM stores s WHERE s.region_id = :regionId AND ${inScope.sql} LIMIT 1`;
    const rows = await this.reader.rows(sql, { ...inScope.params, regionId });
    if (rows.length === 0) throw new NotFoundError('Region', regionId);
  }

  async requireProgram(programId: number): Promise<void> {
    const rows = await this.reader.rows('SELECT 1 AS found FROM certification_programs WHERE id = :programId', {
      programId,
    });
    if (rows.length === 0) throw new NotFoundError('Certification programme', programId);
  }

  async requireCourse(courseId: number): Promise<void> {
    const rows = await this.reader.rows('SELECT 1 AS found FROM courses WHERE id = :courseId', { courseId });
    if (rows.length === 0) throw new NotFoundError('Course', courseId);
  }
}
