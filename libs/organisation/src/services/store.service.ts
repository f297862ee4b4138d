import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  BadInputError,
  Clock,
  ConflictError,
  isDuplicateKeyError,
  NotFoundError,
  type OrderedPage,
  type PageRequest,
  paginateInOrder,
  retriedTransaction,
} from '@lp/core';
import { RegionEntity, StoreEntity } from '../entities';
import { type AccessScope, restrictToScope, scopeCoversStore } from '../scope/access-scope';
import { localIsoDay } from '../local-time';
import { isKnownTimezone, resolveTimezone } from '../timezone';
import { type AfterCommit, EmployeeLifecycle } from './employee-lifecycle';
import { audienceAdvice, storeReferences } from './organisation-references';
import { StoreFiguresChanged } from './store-figures-changed';

export interface CreateStoreInput {
  code: string;
  name: string;
  regionId: number;
  timezone: string;
}

/** What to change; the fields left out keep their value. */
export type UpdateStoreInput = Partial<CreateStoreInput>;

/** What a store had before and after an update, as the audit log keeps it. */
function storeSnapshot(store: StoreEntity): Record<string, unknown> {
  return { code: store.code, name: store.name, regionId: store.regionId, timezone: store.timezone };
}

function assertKnownTimezone(timezone: string): void {
  if (!isKnownTimezone(timezone)) {
    throw new BadInputError(`timezone: ${timezone} is not an IANA time zone such as Europe/London`, 'timezone');
  }
}

@Injectable()
export class StoreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly figuresChanged: StoreFiguresChanged,
    private readonly clock: Clock,
  ) {}

  /** `search`: part of the store's name, or the start of its code; `closed`: only closed (or open) ones. */
  async list(
    scope: AccessScope,
    filter: { regionId?: number; search?: string; closed?: boolean },
    page: PageRequest,
  ): Promise<OrderedPage<StoreEntity>> {
    const query = this.dataSource.getRepository(StoreEntity).createQueryBuilder('s');
    if (filter.regionId !== undefined) query.andWhere('s.region_id = :regionId', { regionId: filter.regionId });
    if (filter.closed !== undefined) query.andWhere(`s.closed_on IS ${filter.closed ? 'NOT ' : ''}NULL`);
    const search = filter.search?.trim();
    if (search) {
      const literal = search.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.andWhere(
        new Brackets((q) =>
          q
            .where('s.code LIKE :codeStart', { codeStart: `${literal}%` })
            .orWhere('s.name LIKE :inName', { inName: `%${literal}%` }),
        ),
      );
    }
    if (scope.kind === 'self') {
      query.andWhere('s.id IN (SELECT e.store_id FROM employees e WHERE e.id = :selfId)', { selfId: scope.employeeId });
    } else {
      restrictToScope(query, scope, { storeColumn: 's.id' });
    }
    return paginateInOrder(query, 's.id', { properties: ['code'] }, page);
  }

  /** A store in the scope; NOT_FOUND for one outside it, so ids cannot be probed. */
  async get(scope: AccessScope, id: number, ownStoreId?: number): Promise<StoreEntity> {
    const store = await this.dataSource.getRepository(StoreEntity).findOneBy({ id });
    const visible = store && (scopeCoversStore(scope, store) || (scope.kind === 'self' && store.id === ownStoreId));
    if (!visible) throw new NotFoundError('Store', id);
    return store;
  }

  async create(input: CreateStoreInput, actorId: number | null): Promise<StoreEntity> {
    assertKnownTimezone(input.timezone);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await manager.existsBy(RegionEntity, { id: input.regionId })))
          throw new NotFoundError('Region', input.regionId);
        const store = await manager.save(manager.create(StoreEntity, input));
        await this.audit.record(manager, {
          actorId,
          action: 'STORE_CREATED',
          subjectType: 'Store',
          subjectId: store.id,
          storeId: store.id,
          after: { ...input },
        });
        return store;
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A store with code ${input.code} already exists`);
      throw error;
    }
  }

  /**
   * Renames a store, or moves it to another region or time zone. Its people move with it as a
   * transfer would move them (EmployeeLifecycle.storeMoved): audience rules limited to a region
   * apply again, and what is pending for them goes out in the new zone's office hours. Their
   * rows are locked first, so nobody joins the store half-way through the move.
   */
  async update(id: number, input: UpdateStoreInput, actorId: number | null): Promise<StoreEntity> {
    if (input.timezone !== undefined) assertKnownTimezone(input.timezone);
    let moved: { store: StoreEntity; regionChanged: boolean; afterCommit: AfterCommit[] };
    try {
      moved = await retriedTransaction(this.dataSource, async (manager) => {
        const before = await this.locked(manager, id);
        if (input.regionId !== undefined && !(await manager.existsBy(RegionEntity, { id: input.regionId })))
          throw new NotFoundError('Region', input.regionId);
        const store = manager.create(StoreEntity, { ...before });
        if (input.code !== undefined) store.code = input.code;
        if (input.name !== undefined) store.name = input.name;
        if (input.regionId !== undefined) store.regionId = input.regionId;
        if (input.timezone !== undefined) store.timezone = input.timezone;
        const [was, is] = [storeSnapshot(before), storeSnapshot(store)];
        if (JSON.stringify(was) === JSON.stringify(is)) return { store: before, regionChanged: false, afterCommit: [] };
        await manager.save(store);
        await this.audit.record(manager, {
          actorId,
          action: 'STORE_UPDATED',
          subjectType: 'Store',
          subjectId: store.id,
          storeId: store.id,
          before: was,
          after: is,
        });
        const regionChanged = store.regionId !== before.regionId;
        const timezoneChanged = store.timezone !== before.timezone;
        if (!regionChanged && !timezoneChanged) return { store, regionChanged, afterCommit: [] };
        const people = (await manager.query('SELECT id FROM employees WHERE store_id = ? AND active = 1 FOR UPDATE', [
          id,
        ])) as { id: number }[];
        const move = { storeId: id, employeeIds: people.map((row) => Number(row.id)), regionChanged, timezoneChanged };
        return { store, regionChanged, afterCommit: await this.lifecycle.storeMoved(manager, move, actorId) };
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A store with code ${input.code} already exists`);
      throw error;
    }
    await this.lifecycle.runAfterCommit(moved.afterCommit);
    if (moved.regionChanged) await this.figuresChanged.notify([id]);
    return moved.store;
  }

  /**
   * Closes a store on today's date in its zone. It keeps its history (former staff,
   * certificates, snapshots, audit trail) and stays readable, but takes nobody in and is left
   * out of today's rollups. Refused with CONFLICT, nothing written, while active employees
   * still work there: HR moves or deactivates them first. Closing a closed store changes nothing.
   */
  async close(id: number, actorId: number | null): Promise<StoreEntity> {
    const closed = await retriedTransaction(this.dataSource, async (manager) => {
      const store = await this.locked(manager, id);
      if (store.closedOn !== null) return store;
      // A hire or transfer into the store holds a shared lock on its row until it commits
      // (EmployeeService.storeToJoin), so once the store is locked here the count is final.
      const [{ active }] = (await manager.query(
        'SELECT COUNT(*) AS active FROM employees WHERE store_id = ? AND active = 1 LOCK IN SHARE MODE',
        [id],
      )) as { active: string }[];
      const activeEmployees = Number(active);
      if (activeEmployees > 0) {
        throw new ConflictError(
          `Store ${store.code} cannot be closed: ${activeEmployees} active ${activeEmployees === 1 ? 'employee works' : 'employees work'} there. ` +
            'Move them to another store or deactivate them first (updateEmployee, or the employee import).',
          { activeEmployees },
        );
      }
      const closedOn = localIsoDay(this.clock.now(), resolveTimezone(store.timezone).timezone);
      await manager.update(StoreEntity, { id }, { closedOn });
      await this.audit.record(manager, {
        actorId,
        action: 'STORE_CLOSED',
        subjectType: 'Store',
        subjectId: id,
        storeId: id,
        before: { closedOn: null },
        after: { closedOn },
      });
      return { ...store, closedOn };
    });
    // Today's snapshot rows go: the chain's trend of today counts open stores, as the rollups do.
    await this.figuresChanged.notify([id]);
    return closed;
  }

  /** Opens a closed store again: people can be hired or moved into it, and the rollups count it. */
  async reopen(id: number, actorId: number | null): Promise<StoreEntity> {
    const reopened = await retriedTransaction(this.dataSource, async (manager) => {
      const store = await this.locked(manager, id);
      if (store.closedOn === null) return store;
      await manager.update(StoreEntity, { id }, { closedOn: null });
      await this.audit.record(manager, {
        actorId,
        action: 'STORE_REOPENED',
        subjectType: 'Store',
        subjectId: id,
        storeId: id,
        before: { closedOn: store.closedOn },
        after: { closedOn: null },
      });
      return { ...store, closedOn: null };
    });
    await this.figuresChanged.notify([id]);
    return reopened;
  }

  /**
   * Deletes a store nothing refers to, such as one created by mistake. A store with people or
   * history is refused with CONFLICT naming what refers to it, and nothing is written: its
   * history must stay readable.
   */
  async delete(id: number, actorId: number | null): Promise<StoreEntity> {
    return retriedTransaction(this.dataSource, async (manager) => {
      const store = await this.locked(manager, id);
      const references = await storeReferences(manager, id);
      if (references.sentence) {
        const move =
          references.activeEmployees > 0
            ? ' Move its active employees to another store or deactivate them (updateEmployee, or the employee import).'
            : '';
        throw new ConflictError(
          `Store ${store.code} cannot be deleted: ${references.sentence}. Only a store nothing refers to, such as one ` +
            'created by mistake, can be deleted: a store with people or history stays, so that history remains readable; ' +
            'one that stops trading is closed instead (closeStore).' +
            move +
            audienceAdvice(references.programs),
        );
      }
      await manager.delete(StoreEntity, { id });
      await this.audit.record(manager, {
        actorId,
        action: 'STORE_DELETED',
        subjectType: 'Store',
        subjectId: id,
        storeId: id,
        before: storeSnapshot(store),
      });
      return store;
    });
  }

  private async locked(manager: EntityManager, id: number): Promise<StoreEntity> {
    const store = await manager
      .createQueryBuilder(StoreEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
    if (!store) throw new NotFoundError('Store', id);
    return store;
  }
}
