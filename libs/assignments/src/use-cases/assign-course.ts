import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  BadInputError,
  chunks,
  Clock,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  retriedTransaction,
} from '@lp/core';
import {
  type AccessScope,
  dueDayEnd,
  resolveTimezone,
  scopeCoversRegion,
  scopeCoversStore,
  StoreFiguresChanged,
} from '@lp/organisation';
import { AssignmentReason, AssignmentStatus } from '../assignment-status';

export interface AssignCourseRequest {
  courseId: number;
  /** The moment it is due; or dueOn. */
  dueAt?: Date;
  /** A day (YYYY-MM-DD): due at 23:59 of it in each person's store's time zone. */
  dueOn?: string;
  employeeIds?: number[];
  storeId?: number;
  regionId?: number;
  jobRoleCodes?: string[];
}

export interface AssignCourseResult {
  created: number;
  skipped: number;
}

/** Targets in SQL: `e` is the employees table; the clause and its parameters. */
interface TargetSql {
  where: string;
  params: unknown[];
}

/** The due_at of each row in SQL over `due_store`, the person's store, and which rows it has one for. */
interface DueSql {
  expression: string;
  params: unknown[];
  where: string;
  whereParams: unknown[];
}

/** The last moment a DATETIME column holds (MySQL's documented range). */
const LATEST_DUE = Date.UTC(9999, 11, 31, 23, 59, 59);

/** How many closed stores a refusal names before it counts the rest. */
const CLOSED_STORES_NAMED = 5;

const NOBODY_THERE = 'nobody works there to assign a course to.';

/**
 * Assigns a course to people, a store, a region or job roles within the caller's scope,
 * in one set-based statement. Given a day, the work ends at 23:59 of it in each person's
 * store's time zone: across a region, one moment would end another zone's day early or
 * late. The unique key on (employee, open course) turns an already-open assignment into an
 * ignored row — also when two managers assign at the same moment — and the difference
 * between targets and inserted rows is reported as `skipped`. INSERT IGNORE (not ON
 * DUPLICATE KEY UPDATE, whose affected-row count includes the duplicates under mysql2's
 * FOUND_ROWS flag) is safe here: the rows come from a SELECT of existing employees and the
 * due date is one a column can hold (the DateTime scalar's, or a day's end checked in
 * dueSql), so a duplicate key is the only error it can hide.
 */
@Injectable()
export class AssignCourse {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly figuresChanged: StoreFiguresChanged,
  ) {}

  async execute(scope: AccessScope, request: AssignCourseRequest, actorId: number): Promise<AssignCourseResult> {
    const now = this.clock.now();
    if ((request.dueAt === undefined) === (request.dueOn === undefined))
      throw new BadInputError('Give the due date as dueAt or as dueOn, one of them', 'dueAt');
    if (request.dueAt !== undefined && request.dueAt <= now)
      throw new BadInputError('dueAt must be in the future', 'dueAt');
    const hasTarget =
      (request.employeeIds?.length ?? 0) > 0 ||
      request.storeId !== undefined ||
      request.regionId !== undefined ||
      (request.jobRoleCodes?.length ?? 0) > 0;
    if (!hasTarget)
      throw new BadInputError('Name employeeIds, a storeId, a regionId or jobRoleCodes to assign to', 'employeeIds');

    const { result, storeIds } = await retriedTransaction(this.dataSource, async (manager) => {
      await this.assertPublishedCourse(manager, request.courseId);
      const target = await this.targetSql(manager, scope, request);
      await this.assertScopeHasOpenStore(manager, scope);
      const due = await this.dueSql(manager, request, target, now);
      const result = (await manager.query(
        `INSERT IGNORE INTO assignments (employee_id, course_id, due_at, status, reason, open_key, assigned_by_id, created_at, updated_at)
         SELECT e.id, ?, ${due.expression}, ?, ?, ?, ?, ?, ?
           FROM employees e JOIN stores due_store ON due_store.id = e.store_id
          WHERE e.active = 1 AND ${target.where} AND ${due.where}`,
        [
          request.courseId,
          ...due.params,
          AssignmentStatus.ASSIGNED,
          AssignmentReason.MANUAL,
          request.courseId,
          actorId,
          now,
          now,
          ...target.params,
          ...due.whereParams,
        ],
      )) as { affectedRows: number };
      const created = result.affectedRows;
      const stores = await this.storeFigures(manager, target, request.courseId, actorId, now);
      const targets = stores.reduce((sum, store) => sum + store.targets, 0);
      // One event per store of the people assigned, with that store's figures, so each store's
      // managers read theirs in their audit trail (a single event over several stores belonged
      // to none of them); with nobody to assign, one event for the store named, if any. People
      // named by id are listed in their own store's event only: the whole list in each would
      // show other stores' people, and 5,000 ids in 500 events would outgrow a statement.
      const namedByStore = await this.namedEmployeesByStore(manager, request.employeeIds);
      const after = { ...request, dueAt: request.dueAt?.toISOString() };
      await this.audit.record(
        manager,
        ...(stores.length > 0 ? stores : [{ storeId: request.storeId ?? null, targets: 0, created: 0 }]).map(
          (store) => ({
            actorId,
            action: 'COURSE_ASSIGNED',
            subjectType: 'Course',
            subjectId: request.courseId,
            storeId: store.storeId,
            after: {
              ...after,
              ...(namedByStore && { employeeIds: (store.storeId !== null && namedByStore.get(store.storeId)) || [] }),
              created: store.created,
              skipped: store.targets - store.created,
            },
          }),
        ),
      );
      const storeIds = stores.map((store) => store.storeId);
      return { result: { created, skipped: targets - created }, storeIds: created === 0 ? [] : storeIds };
    });
    await this.figuresChanged.notify(storeIds);
    return result;
  }

  /**
   * The due moment, or for a day the end of it in each time zone the people's stores keep; a
   * day that has ended in one of them is refused, as a past dueAt is.
   */
  private async dueSql(
    manager: EntityManager,
    request: AssignCourseRequest,
    target: TargetSql,
    now: Date,
  ): Promise<DueSql> {
    if (request.dueOn === undefined)
      return { expression: '?', params: [request.dueAt], where: '1 = 1', whereParams: [] };
    const zones = (
      (await manager.query(
        `SELECT DISTINCT due_store.timezone FROM employees e JOIN stores due_store ON due_store.id = e.store_id
          WHERE e.active = 1 AND ${target.where}`,
        target.params,
      )) as { timezone: string }[]
    ).map((row) => row.timezone);
    if (zones.length === 0) return { expression: 'NULL', params: [], where: '1 = 0', whereParams: [] };
    const [year, month, day] = request.dueOn.split('-').map(Number);
    const cases = zones.map((zone) => {
      const dueAt = dueDayEnd({ year, month, day }, resolveTimezone(zone).timezone);
      if (dueAt <= now) {
        throw new BadInputError(
          `The due day ${request.dueOn} has already ended in ${zone}: choose a later day`,
          'dueOn',
        );
      }
      // INSERT IGNORE would store a zero date rather than fail.
      if (dueAt.getTime() > LATEST_DUE) throw new BadInputError('dueOn must be a day before the year 10000', 'dueOn');
      return { zone, dueAt };
    });
    return {
      expression: `CASE due_store.timezone ${cases.map(() => 'WHEN ? THEN ?').join(' ')} END`,
      params: cases.flatMap(({ zone, dueAt }) => [zone, dueAt]),
      // Someone who moved meanwhile to a store of a zone not read above gets no row, never a NULL due date.
      where: 'due_store.timezone IN (?)',
      whereParams: [zones],
    };
  }

  /**
   * Per store of the targets: how many they are and how many of them the INSERT just gave the
   * course (open, by this actor, at this moment: the unique open key leaves one such row each).
   */
  private async storeFigures(
    manager: EntityManager,
    target: TargetSql,
    courseId: number,
    actorId: number,
    now: Date,
  ): Promise<{ storeId: number; targets: number; created: number }[]> {
    const rows = (await manager.query(
      `SELECT e.store_id, COUNT(*) AS targets,
              SUM(EXISTS (SELECT 1 FROM assignments a
                           WHERE a.employee_id = e.id AND a.open_key = ? AND a.assigned_by_id = ? AND a.created_at = ?)) AS created
         FROM employees e
        WHERE e.active = 1 AND ${target.where}
        GROUP BY e.store_id
        ORDER BY e.store_id`,
      [courseId, actorId, now, ...target.params],
    )) as { store_id: number; targets: number | string; created: number | string }[];
    return rows.map((row) => ({
      storeId: Number(row.store_id),
      targets: Number(row.targets),
      created: Number(row.created),
    }));
  }

  /** The people named by id, by the store each works at; undefined when none were named. */
  private async namedEmployeesByStore(
    manager: EntityManager,
    employeeIds: number[] | undefined,
  ): Promise<Map<number, number[]> | undefined> {
    if (!employeeIds?.length) return undefined;
    const byStore = new Map<number, number[]>();
    for (const ids of chunks(employeeIds)) {
      const rows = (await manager.query('SELECT id, store_id FROM employees WHERE id IN (?) ORDER BY id', [ids])) as {
        id: number;
        store_id: number;
      }[];
      for (const row of rows) {
        const storeId = Number(row.store_id);
        const named = byStore.get(storeId) ?? [];
        named.push(Number(row.id));
        byStore.set(storeId, named);
      }
    }
    return byStore;
  }

  private async assertPublishedCourse(manager: EntityManager, courseId: number): Promise<void> {
    const rows = (await manager.query('SELECT current_version_id FROM courses WHERE id = ?', [courseId])) as {
      current_version_id: number | null;
    }[];
    if (rows.length === 0) throw new NotFoundError('Course', courseId);
    if (rows[0].current_version_id === null)
      throw new BadInputError('The course has no published version yet', 'courseId');
  }

  /**
   * Every target must lie in the caller's scope; naming anything outside it is FORBIDDEN (with
   * `employeeIds`, the people named who are outside it).
   */
  private async targetSql(
    manager: EntityManager,
    scope: AccessScope,
    request: AssignCourseRequest,
  ): Promise<TargetSql> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (request.employeeIds?.length) {
      const ids = [...new Set(request.employeeIds)];
      const rows = (await manager.query(
        'SELECT e.id, e.store_id, s.region_id FROM employees e JOIN stores s ON s.id = e.store_id WHERE e.id IN (?)',
        [ids],
      )) as { id: number; store_id: number; region_id: number }[];
      if (rows.length !== ids.length) {
        const found = new Set(rows.map((r) => r.id));
        throw new NotFoundError(
          'Employee',
          ids.find((id) => !found.has(id)),
        );
      }
      const outside = rows.filter((r) => !scopeCoversStore(scope, { id: r.store_id, regionId: r.region_id }));
      if (outside.length > 0) {
        // Which of the ids sent, so a form can say who moved away since it listed them; naming them
        // one at a time tells a caller no more.
        throw new ForbiddenError('Some of these employees are outside the stores you manage', {
          employeeIds: outside.map((r) => String(r.id)),
        });
      }
      clauses.push('e.id IN (?)');
      params.push(ids);
    }
    if (request.storeId !== undefined) {
      const [store] = (await manager.query(
        "SELECT id, code, region_id, DATE_FORMAT(closed_on, '%Y-%m-%d') AS closed_on FROM stores WHERE id = ?",
        [request.storeId],
      )) as { id: number; code: string; region_id: number; closed_on: string | null }[];
      if (!store) throw new NotFoundError('Store', request.storeId);
      if (!scopeCoversStore(scope, { id: store.id, regionId: store.region_id })) {
        throw new ForbiddenError('This store is outside your scope');
      }
      if (store.closed_on !== null) {
        throw new ConflictError(`Store ${store.code} was closed on ${store.closed_on}: ${NOBODY_THERE}`, {
          field: 'storeId',
          closedOn: store.closed_on,
        });
      }
      clauses.push('e.store_id = ?');
      params.push(request.storeId);
    }
    if (request.regionId !== undefined) {
      const [region] = (await manager.query(
        `SELECT r.code,
                (SELECT COUNT(*) FROM stores s WHERE s.region_id = r.id) AS stores,
                (SELECT COUNT(*) FROM stores s WHERE s.region_id = r.id AND s.closed_on IS NULL) AS open_stores
           FROM regions r WHERE r.id = ?`,
        [request.regionId],
      )) as { code: string; stores: number | string; open_stores: number | string }[];
      if (!region) throw new NotFoundError('Region', request.regionId);
      if (!scopeCoversRegion(scope, request.regionId)) throw new ForbiddenError('This region is outside your scope');
      if (Number(region.stores) > 0 && Number(region.open_stores) === 0) {
        throw new ConflictError(`Every store of region ${region.code} is closed: ${NOBODY_THERE}`, {
          field: 'regionId',
        });
      }
      clauses.push('e.store_id IN (SELECT s.id FROM stores s WHERE s.region_id = ?)');
      params.push(request.regionId);
    }
    if (request.jobRoleCodes?.length) {
      const codes = [...new Set(request.jobRoleCodes)];
      const rows = (await manager.query('SELECT code FROM job_roles WHERE code IN (?)', [codes])) as { code: string }[];
      if (rows.length !== codes.length) {
        const known = new Set(rows.map((r) => r.code));
        throw new BadInputError(
          `jobRoleCodes: unknown job role ${codes.filter((c) => !known.has(c)).join(', ')}`,
          'jobRoleCodes',
        );
      }
      clauses.push('e.job_role_id IN (SELECT j.id FROM job_roles j WHERE j.code IN (?))');
      params.push(codes);
    }
    const scoped = this.scopeSql(scope);
    return { where: [...clauses, scoped.where].join(' AND '), params: [...params, ...scoped.params] };
  }

  /**
   * A manager whose every store is closed (managedStoreIds, or the stores of their regions, may
   * name closed ones: they keep the history of who ran them) has nobody to assign to, whatever
   * the request names: CONFLICT says why, where the insert would have assigned to nobody.
   */
  private async assertScopeHasOpenStore(manager: EntityManager, scope: AccessScope): Promise<void> {
    const stores =
      scope.kind === 'stores' && scope.storeIds.length > 0
        ? { where: 's.id IN (?)', params: [scope.storeIds] }
        : scope.kind === 'regions' && scope.regionIds.length > 0
          ? { where: 's.region_id IN (?)', params: [scope.regionIds] }
          : null;
    if (stores === null) return;
    const [open] = (await manager.query(
      `SELECT 1 AS found FROM stores s WHERE ${stores.where} AND s.closed_on IS NULL LIMIT 1`,
      stores.params,
    )) as unknown[];
    if (open) return;
    const closed = (await manager.query(
      `SELECT s.code, DATE_FORMAT(s.closed_on, '%Y-%m-%d') AS closed_on FROM stores s WHERE ${stores.where}
        ORDER BY s.code LIMIT ${CLOSED_STORES_NAMED + 1}`,
      stores.params,
    )) as { code: string; closed_on: string }[];
    if (closed.length === 0) return;
    const named = closed.slice(0, CLOSED_STORES_NAMED).map((store) => `${store.code} on ${store.closed_on}`);
    if (closed.length > CLOSED_STORES_NAMED) named.push('…');
    throw new ConflictError(`Every store you manage is closed (${named.join(', ')}): ${NOBODY_THERE}`);
  }

  private scopeSql(scope: AccessScope): TargetSql {
    switch (scope.kind) {
      case 'chain':
        return { where: '1 = 1', params: [] };
      case 'regions':
        return scope.regionIds.length
          ? { where: 'e.store_id IN (SELECT s.id FROM stores s WHERE s.region_id IN (?))', params: [scope.regionIds] }
          : { where: '1 = 0', params: [] };
      case 'stores':
        return scope.storeIds.length
          ? { where: 'e.store_id IN (?)', params: [scope.storeIds] }
          : { where: '1 = 0', params: [] };
      case 'self':
        throw new ForbiddenError('Employees cannot assign courses');
    }
  }
}
