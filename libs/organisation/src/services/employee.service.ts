import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  BadInputError,
  Clock,
  ConflictError,
  ForbiddenError,
  isDuplicateKeyError,
  NotFoundError,
  type OrderedPage,
  type PageRequest,
  paginateInOrder,
  retriedTransaction,
} from '@lp/core';
import { normaliseEmail } from '../email';
import { localIsoDay } from '../local-time';
import {
  EmployeeChangeEntity,
  EmployeeChangeKind,
  EmployeeEntity,
  JobRoleEntity,
  RegionManagerEntity,
  Role,
  StoreEntity,
  StoreManagerEntity,
} from '../entities';
import { type AccessScope, restrictToScope } from '../scope/access-scope';
import { resolveTimezone } from '../timezone';
import { takesDefaultScope } from './default-scope';
import { type AfterCommit, EmployeeLifecycle } from './employee-lifecycle';
import { employeeSnapshot } from './employee-snapshot';

export interface EmployeeFilter {
  storeId?: number;
  regionId?: number;
  jobRoleCode?: string;
  search?: string;
  active?: boolean;
}

export interface HireEmployeeInput {
  employeeNumber: string;
  email?: string | null;
  firstName: string;
  lastName: string;
  jobRoleCode: string;
  storeId: number;
  role?: Role;
  hireDate?: string;
  managedStoreIds?: number[];
  managedRegionId?: number;
}

export interface HireOptions {
  /** Whether someone hired with an email gets an invite (HireContext); yes unless said otherwise. */
  sendInvite?: boolean;
  /** More work inside the hire's transaction: the employee and what it writes are made together or not at all. */
  alongside?: (manager: EntityManager, employee: EmployeeEntity) => Promise<void>;
}

export type UpdateEmployeeInput = Partial<Omit<HireEmployeeInput, 'employeeNumber'>>;

/** Who someone manages; part of the audit trail whenever it may change. */
interface ManagedScopeSnapshot {
  managedStoreIds: number[];
  managedRegionIds: number[];
}

export interface ChangingActor {
  id: number | null;
  role: Role;
}

/** What a change's transaction made, and what is to run once it has committed. */
interface EmployeeChange {
  employee: EmployeeEntity;
  afterCommit: AfterCommit[];
}

/**
 * Which unique key a duplicate-key error hit. The keys have generated names, so the
 * clashing value tells: employee numbers cannot contain "@", emails always do.
 */
function describeDuplicate(error: unknown): ConflictError {
  const message = error instanceof Error ? error.message : '';
  const value = /Duplicate entry '(.*)' for key/.exec(message)?.[1] ?? '';
  return value.includes('@')
    ? new ConflictError('Another employee already has this email', { field: 'email' })
    : new ConflictError('This employee number is already taken', { field: 'employeeNumber' });
}

@Injectable()
export class EmployeeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly clock: Clock,
  ) {}

  async list(scope: AccessScope, filter: EmployeeFilter, page: PageRequest): Promise<OrderedPage<EmployeeEntity>> {
    const query = this.dataSource.getRepository(EmployeeEntity).createQueryBuilder('e');
    restrictToScope(query, scope, { storeColumn: 'e.store_id', employeeColumn: 'e.id' });
    if (filter.storeId !== undefined) query.andWhere('e.store_id = :storeId', { storeId: filter.storeId });
    if (filter.regionId !== undefined) {
      query.andWhere('e.store_id IN (SELECT s.id FROM stores s WHERE s.region_id = :regionId)', {
        regionId: filter.regionId,
      });
    }
    if (filter.jobRoleCode !== undefined) {
      query.andWhere('e.job_role_id = (SELECT j.id FROM job_roles j WHERE j.code = :jobRoleCode)', {
        jobRoleCode: filter.jobRoleCode,
      });
    }
    if (filter.active !== undefined) query.andWhere('e.active = :active', { active: filter.active });
    const search = filter.search?.trim().split(/\s+/).join(' ');
    if (search) {
      const like = `${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where('e.last_name LIKE :like', { like })
            .orWhere('e.first_name LIKE :like', { like })
            // A whole name, as people type it: "Robin Farther", or "Farther Robin" as lists show it.
            .orWhere("CONCAT(e.first_name, ' ', e.last_name) LIKE :like", { like })
            .orWhere("CONCAT(e.last_name, ' ', e.first_name) LIKE :like", { like })
            .orWhere('e.employee_number LIKE :like', { like })
            // Emails compare byte for byte, and are stored lower-cased.
            .orWhere('e.email LIKE :emailLike', { emailLike: like.toLowerCase() }),
        ),
      );
    }
    return paginateInOrder(query, 'e.id', { properties: ['lastName', 'firstName'] }, page);
  }

  /** One employee in the scope; NOT_FOUND for anyone outside it. */
  async get(scope: AccessScope, id: number): Promise<EmployeeEntity> {
    const query = this.dataSource.getRepository(EmployeeEntity).createQueryBuilder('e').where('e.id = :id', { id });
    const employee = await restrictToScope(query, scope, {
      storeColumn: 'e.store_id',
      employeeColumn: 'e.id',
    }).getOne();
    if (!employee) throw new NotFoundError('Employee', id);
    return employee;
  }

  async hire(input: HireEmployeeInput, actor: ChangingActor, options: HireOptions = {}): Promise<EmployeeEntity> {
    this.assertMayGrant(actor, input.role ?? Role.EMPLOYEE);
    return this.writing(async (manager) => {
      const jobRole = await this.jobRoleByCode(manager, input.jobRoleCode);
      const store = await this.storeToJoin(manager, input.storeId);
      const employee = await manager.save(
        manager.create(EmployeeEntity, {
          employeeNumber: input.employeeNumber.trim(),
          email: input.email ? normaliseEmail(input.email) : null,
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          jobRoleId: jobRole.id,
          storeId: store.id,
          role: input.role ?? Role.EMPLOYEE,
          active: true,
          hireDate: input.hireDate ?? localIsoDay(this.clock.now(), resolveTimezone(store.timezone).timezone),
          terminatedAt: null,
        }),
      );
      const scope = await this.setManagedScope(manager, employee, store, input);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'EMPLOYEE_CREATED',
        subjectType: 'Employee',
        subjectId: employee.id,
        storeId: store.id,
        after: { ...employeeSnapshot(employee, jobRole.code), ...scope },
      });
      await options.alongside?.(manager, employee);
      const context = { sendInvite: options.sendInvite ?? true };
      return { employee, afterCommit: await this.lifecycle.hired(manager, employee, actor.id, context) };
    });
  }

  async update(
    scope: AccessScope,
    id: number,
    input: UpdateEmployeeInput,
    actor: ChangingActor,
  ): Promise<EmployeeEntity> {
    if (input.role !== undefined) this.assertMayGrant(actor, input.role);
    return this.writing(async (manager) => {
      const before = await this.lockedInScope(manager, scope, id);
      if (before.role === Role.ADMIN && actor.role !== Role.ADMIN)
        throw new ForbiddenError('Only an admin may change an admin');
      const current = manager.create(EmployeeEntity, { ...before });
      const oldJobRole = await manager.findOneByOrFail(JobRoleEntity, { id: before.jobRoleId });
      let jobRoleCode = oldJobRole.code;
      if (input.jobRoleCode !== undefined) {
        const jobRole = await this.jobRoleByCode(manager, input.jobRoleCode);
        current.jobRoleId = jobRole.id;
        jobRoleCode = jobRole.code;
      }
      if (input.storeId !== undefined && input.storeId !== before.storeId)
        current.storeId = (await this.storeToJoin(manager, input.storeId)).id;
      if (input.email !== undefined) current.email = input.email ? normaliseEmail(input.email) : null;
      if (input.firstName !== undefined) current.firstName = input.firstName.trim();
      if (input.lastName !== undefined) current.lastName = input.lastName.trim();
      if (input.role !== undefined) current.role = input.role;
      if (input.hireDate !== undefined) current.hireDate = input.hireDate;
      await manager.save(current);

      await this.recordChanges(manager, before, current, oldJobRole.code, jobRoleCode, actor.id);
      const managed = await this.updateManagedScope(manager, before, current, input);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'EMPLOYEE_UPDATED',
        subjectType: 'Employee',
        subjectId: current.id,
        storeId: current.storeId,
        before: { ...employeeSnapshot(before, oldJobRole.code), ...managed?.before },
        after: { ...employeeSnapshot(current, jobRoleCode), ...managed?.after },
      });
      return { employee: current, afterCommit: await this.lifecycle.changed(manager, before, current, actor.id) };
    });
  }

  async deactivate(scope: AccessScope, id: number, actor: ChangingActor): Promise<EmployeeEntity> {
    return this.writing(async (manager) => {
      const before = await this.lockedInScope(manager, scope, id);
      if (!before.active) return { employee: before, afterCommit: [] };
      if (before.id === actor.id) throw new BadInputError('You cannot deactivate your own account', 'id');
      if (before.role === Role.ADMIN && actor.role !== Role.ADMIN)
        throw new ForbiddenError('Only an admin may deactivate an admin');
      const current = manager.create(EmployeeEntity, { ...before, active: false, terminatedAt: this.clock.now() });
      await manager.save(current);
      await manager.insert(EmployeeChangeEntity, {
        employeeId: id,
        kind: EmployeeChangeKind.ACTIVE,
        fromValue: 'true',
        toValue: 'false',
        changedById: actor.id,
        changedAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'EMPLOYEE_DEACTIVATED',
        subjectType: 'Employee',
        subjectId: id,
        storeId: current.storeId,
        before: { active: true },
        after: { active: false },
      });
      return { employee: current, afterCommit: await this.lifecycle.changed(manager, before, current, actor.id) };
    });
  }

  /** HR may hand out any role but ADMIN; only an admin makes another admin. */
  private assertMayGrant(actor: ChangingActor, role: Role): void {
    if (role === Role.ADMIN && actor.role !== Role.ADMIN)
      throw new ForbiddenError('Only an admin may grant the ADMIN role');
  }

  /**
   * Runs a change in its transaction, again, whole, if InnoDB rolls it back to break a
   * deadlock (deactivating cancels assignments and reminders the worker writes too), then
   * what the lifecycle hooks asked to run once it has committed.
   */
  private async writing(work: (manager: EntityManager) => Promise<EmployeeChange>): Promise<EmployeeEntity> {
    let change: EmployeeChange;
    try {
      change = await retriedTransaction(this.dataSource, work);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw describeDuplicate(error);
      throw error;
    }
    await this.lifecycle.runAfterCommit(change.afterCommit);
    return change.employee;
  }

  private async lockedInScope(manager: EntityManager, scope: AccessScope, id: number): Promise<EmployeeEntity> {
    const query = manager
      .createQueryBuilder(EmployeeEntity, 'e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id });
    const employee = await restrictToScope(query, scope, { storeColumn: 'e.store_id' }).getOne();
    if (!employee) throw new NotFoundError('Employee', id);
    return employee;
  }

  private async jobRoleByCode(manager: EntityManager, code: string): Promise<JobRoleEntity> {
    const jobRole = await manager.findOneBy(JobRoleEntity, { code });
    if (!jobRole) throw new BadInputError(`jobRoleCode: unknown job role ${code}`, 'jobRoleCode');
    return jobRole;
  }

  private async storeById(manager: EntityManager, id: number): Promise<StoreEntity> {
    const store = await manager.findOneBy(StoreEntity, { id });
    if (!store) throw new NotFoundError('Store', id);
    return store;
  }

  /**
   * The store someone is hired or moved into: an open one. Its row stays share-locked until
   * the change commits, so StoreService.close cannot close it in between and leave them there.
   */
  private async storeToJoin(manager: EntityManager, id: number): Promise<StoreEntity> {
    // A locking read sees the latest commit, where the transaction's snapshot may not.
    // (LOCK IN SHARE MODE, which MariaDB and MySQL 8 both read; TypeORM writes FOR SHARE.)
    const [locked] = (await manager.query(
      "SELECT code, DATE_FORMAT(closed_on, '%Y-%m-%d') AS closed_on FROM stores WHERE id = ? LOCK IN SHARE MODE",
      [id],
    )) as { code: string; closed_on: string | null }[];
    if (!locked) throw new NotFoundError('Store', id);
    if (locked.closed_on !== null) {
      throw new ConflictError(
        `Store ${locked.code} was closed on ${locked.closed_on}: nobody can be hired or moved into it. Reopen it first (reopenStore) if it opens again.`,
        { field: 'storeId', closedOn: locked.closed_on },
      );
    }
    return this.storeById(manager, id);
  }

  /** Store managers manage their own store unless told otherwise; regional managers their store's region. */
  private async setManagedScope(
    manager: EntityManager,
    employee: EmployeeEntity,
    store: StoreEntity,
    input: Pick<HireEmployeeInput, 'managedStoreIds' | 'managedRegionId'>,
  ): Promise<ManagedScopeSnapshot> {
    await manager.delete(StoreManagerEntity, { employeeId: employee.id });
    await manager.delete(RegionManagerEntity, { employeeId: employee.id });
    if (employee.role === Role.STORE_MANAGER) {
      const storeIds = [...new Set(input.managedStoreIds?.length ? input.managedStoreIds : [store.id])];
      const found = await manager.countBy(
        StoreEntity,
        storeIds.map((id) => ({ id })),
      );
      if (found !== storeIds.length)
        throw new BadInputError('managedStoreIds: a store does not exist', 'managedStoreIds');
      await manager.insert(
        StoreManagerEntity,
        storeIds.map((storeId) => ({ employeeId: employee.id, storeId })),
      );
      return { managedStoreIds: storeIds, managedRegionIds: [] };
    }
    if (employee.role === Role.REGIONAL_MANAGER) {
      const regionId = input.managedRegionId ?? store.regionId;
      const exists = await manager.query('SELECT 1 FROM regions WHERE id = ?', [regionId]);
      if (exists.length === 0) throw new BadInputError('managedRegionId: the region does not exist', 'managedRegionId');
      await manager.insert(RegionManagerEntity, { employeeId: employee.id, regionId });
      return { managedStoreIds: [], managedRegionIds: [regionId] };
    }
    return { managedStoreIds: [], managedRegionIds: [] };
  }

  /**
   * Sets what someone manages when the input says so, or when a role change or a transfer
   * takes them to their new default (the rule imports follow too). Returns the scope before
   * and after, for the audit trail, when it was set.
   */
  private async updateManagedScope(
    manager: EntityManager,
    before: EmployeeEntity,
    current: EmployeeEntity,
    input: UpdateEmployeeInput,
  ): Promise<{ before: ManagedScopeSnapshot; after: ManagedScopeSnapshot } | undefined> {
    const scopeGiven = input.managedStoreIds !== undefined || input.managedRegionId !== undefined;
    if (!scopeGiven && before.role === current.role && before.storeId === current.storeId) return undefined;
    const scopeBefore = await this.managedScopeOf(manager, current.id);
    const storeBefore = await this.storeById(manager, before.storeId);
    const storeNow = current.storeId === before.storeId ? storeBefore : await this.storeById(manager, current.storeId);
    const movesToDefault = takesDefaultScope(
      { role: before.role, storeId: storeBefore.id, regionId: storeBefore.regionId },
      { role: current.role, storeId: storeNow.id, regionId: storeNow.regionId },
      { storeIds: scopeBefore.managedStoreIds, regionIds: scopeBefore.managedRegionIds },
    );
    if (!scopeGiven && !movesToDefault) return undefined;
    return { before: scopeBefore, after: await this.setManagedScope(manager, current, storeNow, input) };
  }

  /** The stores and regions someone manages now, for the audit trail's "before". */
  private async managedScopeOf(manager: EntityManager, employeeId: number): Promise<ManagedScopeSnapshot> {
    const stores = await manager.findBy(StoreManagerEntity, { employeeId });
    const regions = await manager.findBy(RegionManagerEntity, { employeeId });
    return {
      managedStoreIds: stores.map((s) => s.storeId).sort((a, b) => a - b),
      managedRegionIds: regions.map((r) => r.regionId).sort((a, b) => a - b),
    };
  }

  private async recordChanges(
    manager: EntityManager,
    before: EmployeeEntity,
    after: EmployeeEntity,
    fromJobRole: string,
    toJobRole: string,
    actorId: number | null,
  ): Promise<void> {
    const changedAt = this.clock.now();
    const changes: Partial<EmployeeChangeEntity>[] = [];
    if (before.storeId !== after.storeId) {
      changes.push({
        kind: EmployeeChangeKind.STORE,
        fromValue: String(before.storeId),
        toValue: String(after.storeId),
      });
    }
    if (fromJobRole !== toJobRole)
      changes.push({ kind: EmployeeChangeKind.JOB_ROLE, fromValue: fromJobRole, toValue: toJobRole });
    if (before.role !== after.role)
      changes.push({ kind: EmployeeChangeKind.ROLE, fromValue: before.role, toValue: after.role });
    if (changes.length === 0) return;
    await manager.insert(
      EmployeeChangeEntity,
      changes.map((c) => ({ ...c, employeeId: after.id, changedById: actorId, changedAt })),
    );
  }
}
