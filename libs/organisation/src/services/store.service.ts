import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  BadInputError,
  ConflictError,
  isDuplicateKeyError,
  NotFoundError,
  type OrderedPage,
  type PageRequest,
  paginateInOrder,
} from '@lp/core';
import { RegionEntity, StoreEntity } from '../entities';
import { type AccessScope, restrictToScope, scopeCoversStore } from '../scope/access-scope';
import { isKnownTimezone } from '../timezone';

export interface CreateStoreInput {
  code: string;
  name: string;
  regionId: number;
  timezone: string;
}

@Injectable()
export class StoreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** `search`: part of the store's name, or the start of its code. */
  async list(
    scope: AccessScope,
    filter: { regionId?: number; search?: string },
    page: PageRequest,
  ): Promise<OrderedPage<StoreEntity>> {
    const query = this.dataSource.getRepository(StoreEntity).createQueryBuilder('s');
    if (filter.regionId !== undefined) query.andWhere('s.region_id = :regionId', { regionId: filter.regionId });
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
    if (!isKnownTimezone(input.timezone)) {
      throw new BadInputError(`timezone: ${input.timezone} is not an IANA time zone such as Europe/London`, 'timezone');
    }
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
}
