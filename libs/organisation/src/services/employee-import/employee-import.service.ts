import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '@lp/audit';
import { Clock, ConflictError, isDuplicateKeyError, retriedTransaction } from '@lp/core';
import { EmployeeChangeKind } from '../../entities';
import { type AfterCommit, EmployeeLifecycle } from '../employee-lifecycle';
import { employeeSnapshot } from '../employee-snapshot';
import type { ImportLineError } from '../../csv/csv-import';
import { type EmployeeCsvRow, parseEmployeeCsv } from './employee-csv';
import { EmployeeImportRepository } from './employee-import.repository';
import {
  changesOf,
  type EmployeeRecord,
  type ExistingEmployee,
  type Importer,
  planDeactivations,
  planEmployeeImport,
} from './import-plan';
import { managersToCheck, plannedScopes } from './managed-scope';

/** The first errors are enough to fix a file; a garbage file would otherwise answer with megabytes. */
export const MAX_REPORTED_ERRORS = 100;

export interface EmployeeImportOptions {
  /** Deactivate active employees the file does not list (the file is then the whole chain). */
  deactivateMissing: boolean;
}

export interface EmployeeImportResult {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  /** At most MAX_REPORTED_ERRORS, in line order; when any, nothing was written. */
  errors: ImportLineError[];
  errorCount: number;
}

function refused(errors: ImportLineError[]): EmployeeImportResult {
  return {
    created: 0,
    updated: 0,
    unchanged: 0,
    deactivated: 0,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
  };
}

const AUDIT_CHUNK = 1000;

/**
 * Upserts employees from an HR system's CSV, all or nothing: every line is checked
 * against the database first, and only a file without errors is written, in one
 * transaction, with set-based SQL. Transfers and role changes keep their history and
 * audit events, and lifecycle hooks run as for single changes, in bulk (hiredMany for the
 * new hires, changedMany for the people updated or deactivated) — except that new hires get
 * no invite email (see HireContext).
 */
@Injectable()
export class EmployeeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EmployeeImportRepository,
    private readonly audit: AuditService,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly clock: Clock,
  ) {}

  async run(csv: string, options: EmployeeImportOptions, importer: Importer): Promise<EmployeeImportResult> {
    const { rows, errors } = parseEmployeeCsv(csv);
    if (errors.length > 0) return refused(errors);
    if (options.deactivateMissing && rows.length === 0) {
      return refused([
        { line: 2, message: 'the file lists no employees; with deactivateMissing it would deactivate everyone' },
      ]);
    }
    let outcome: { result: EmployeeImportResult; afterCommit: AfterCommit[] };
    try {
      // Run again, whole, if InnoDB rolls it back to break a deadlock with the worker (the
      // audiences' assignments and their reminders): what is to run after the commit is
      // collected afresh by each run.
      outcome = await retriedTransaction(this.dataSource, async (manager) => {
        if (!(await this.repository.tryLock(manager))) {
          throw new ConflictError('Another employee import is running; try again once it has finished');
        }
        try {
          const afterCommit: AfterCommit[] = [];
          const result = await this.apply(manager, rows, options, importer, afterCommit);
          return { result, afterCommit };
        } finally {
          await this.repository.unlock(manager);
        }
      });
    } catch (error) {
      // Someone hired through the API with a number or email of the file since we checked.
      if (isDuplicateKeyError(error))
        throw new ConflictError('An employee number or email of the file was taken meanwhile; import again');
      throw error;
    }
    await this.lifecycle.runAfterCommit(outcome.afterCommit);
    return outcome.result;
  }

  private async apply(
    manager: EntityManager,
    rows: EmployeeCsvRow[],
    options: EmployeeImportOptions,
    importer: Importer,
    afterCommit: AfterCommit[],
  ): Promise<EmployeeImportResult> {
    const now = this.clock.now();
    const reference = await this.repository.loadReference(manager, rows);
    const plan = planEmployeeImport(rows, reference, importer, now);
    if (plan.errors.length > 0) return refused(plan.errors);
    const leaving = options.deactivateMissing
      ? await this.repository.employeesByIds(
          manager,
          planDeactivations(await this.repository.activeEmployees(manager), rows, importer).map((e) => e.id),
        )
      : [];

    const ids = await this.repository.insertHires(manager, plan.hires);
    const hires = plan.hires.map((hire) => ({ ...hire, id: ids.get(hire.employeeNumber.toUpperCase())! }));
    await this.repository.applyUpdates(manager, plan.updates);
    await this.repository.deactivate(
      manager,
      leaving.map((e) => e.id),
      now,
    );
    await this.repository.insertChanges(
      manager,
      [
        ...plan.updates.flatMap((update) => changesOf(update).map((c) => ({ ...c, employeeId: update.before.id }))),
        ...leaving.map((e) => ({
          employeeId: e.id,
          kind: EmployeeChangeKind.ACTIVE,
          fromValue: 'true',
          toValue: 'false',
        })),
      ],
      importer.id,
      now,
    );
    const checked = managersToCheck(plan.updates);
    const current = {
      storesOf: await this.repository.managedStores(manager, checked),
      regionsOf: await this.repository.managedRegions(manager, checked),
    };
    await this.repository.replaceManagedScope(
      manager,
      plannedScopes(hires, plan.updates, current, reference.regionOfStore),
    );

    const summary = {
      created: hires.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      deactivated: leaving.length,
    };
    await this.recordAudit(manager, importer, hires, plan.updates, leaving, summary);
    afterCommit.push(
      ...(await this.lifecycle.hiredMany(
        manager,
        hires.map((hire) => this.repository.toEntity(hire.id, hire, null)),
        importer.id,
        { sendInvite: false },
      )),
    );
    afterCommit.push(
      ...(await this.lifecycle.changedMany(
        manager,
        [
          ...plan.updates.map(({ before, after }) => ({
            before: this.repository.toEntity(before.id, before, null),
            after: this.repository.toEntity(before.id, after, null),
          })),
          ...leaving.map((person) => ({
            before: this.repository.toEntity(person.id, person, null),
            after: this.repository.toEntity(person.id, { ...person, active: false }, now),
          })),
        ],
        importer.id,
      )),
    );
    return { ...summary, errors: [], errorCount: 0 };
  }

  private async recordAudit(
    manager: EntityManager,
    importer: Importer,
    hires: (EmployeeRecord & { id: number })[],
    updates: { before: ExistingEmployee; after: EmployeeRecord }[],
    leaving: ExistingEmployee[],
    summary: Omit<EmployeeImportResult, 'errors' | 'errorCount'>,
  ): Promise<void> {
    const actorId = importer.id;
    const records: AuditRecord[] = [
      ...hires.map((hire) => ({
        actorId,
        action: 'EMPLOYEE_CREATED',
        subjectType: 'Employee',
        subjectId: hire.id,
        storeId: hire.storeId,
        after: employeeSnapshot(hire, hire.jobRoleCode),
      })),
      ...updates.map(({ before, after }) => ({
        actorId,
        action: 'EMPLOYEE_UPDATED',
        subjectType: 'Employee',
        subjectId: before.id,
        storeId: after.storeId,
        before: employeeSnapshot(before, before.jobRoleCode),
        after: employeeSnapshot(after, after.jobRoleCode),
      })),
      ...leaving.map((person) => ({
        actorId,
        action: 'EMPLOYEE_DEACTIVATED',
        subjectType: 'Employee',
        subjectId: person.id,
        storeId: person.storeId,
        before: { active: true },
        after: { active: false },
      })),
      {
        actorId,
        action: 'EMPLOYEES_IMPORTED',
        subjectType: 'EmployeeImport',
        subjectId: this.clock.now().toISOString(),
        after: summary,
      },
    ];
    for (let i = 0; i < records.length; i += AUDIT_CHUNK) {
      await this.audit.record(manager, ...records.slice(i, i + AUDIT_CHUNK));
    }
  }
}
