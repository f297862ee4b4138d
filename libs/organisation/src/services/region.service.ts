import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@lp/core';
import { RegionEntity } from '../entities';
import { type AccessScope } from '../scope/access-scope';
import { audienceAdvice, regionReferences } from './organisation-references';

@Injectable()
export class RegionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Regions visible in the scope: all for chain-wide roles, managed (or own store's) region otherwise. */
  async list(scope: AccessScope): Promise<RegionEntity[]> {
    const query = this.dataSource.getRepository(RegionEntity).createQueryBuilder('r').orderBy('r.code', 'ASC');
    if (scope.kind === 'regions') {
      if (scope.regionIds.length === 0) return [];
      query.where('r.id IN (:...ids)', { ids: scope.regionIds });
    } else if (scope.kind === 'stores') {
      if (scope.storeIds.length === 0) return [];
      query.where('r.id IN (SELECT s.region_id FROM stores s WHERE s.id IN (:...ids))', { ids: scope.storeIds });
    } else if (scope.kind === 'self') {
      query.where('r.id IN (SELECT s.region_id FROM stores s JOIN employees e ON e.store_id = s.id WHERE e.id = :id)', {
        id: scope.employeeId,
      });
    }
    return query.getMany();
  }

  async create(input: { code: string; name: string }, actorId: number | null): Promise<RegionEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const region = await manager.save(manager.create(RegionEntity, { code: input.code, name: input.name }));
        await this.audit.record(manager, {
          actorId,
          action: 'REGION_CREATED',
          subjectType: 'Region',
          subjectId: region.id,
          after: { code: region.code, name: region.name },
        });
        return region;
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A region with code ${input.code} already exists`);
      throw error;
    }
  }

  /** Renames a region: its code, its name or both; the fields left out keep their value. */
  async update(id: number, input: { code?: string; name?: string }, actorId: number | null): Promise<RegionEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const before = await manager.findOne(RegionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw new NotFoundError('Region', id);
        const region = manager.create(RegionEntity, { ...before });
        if (input.code !== undefined) region.code = input.code;
        if (input.name !== undefined) region.name = input.name;
        if (region.code === before.code && region.name === before.name) return before;
        await manager.save(region);
        await this.audit.record(manager, {
          actorId,
          action: 'REGION_UPDATED',
          subjectType: 'Region',
          subjectId: region.id,
          before: { code: before.code, name: before.name },
          after: { code: region.code, name: region.name },
        });
        return region;
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A region with code ${input.code} already exists`);
      throw error;
    }
  }

  /**
   * Deletes a region nothing refers to. One with stores is refused with CONFLICT: moving its
   * stores to another region (updateStore) first is how two regions merge. Closed stores count
   * too, as their history is read in their region: a region whose stores have all closed stays,
   * out of the current reports. Nothing is written on refusal.
   */
  async delete(id: number, actorId: number | null): Promise<RegionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const region = await manager.findOne(RegionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!region) throw new NotFoundError('Region', id);
      const references = await regionReferences(manager, id);
      if (references.sentence) {
        const stores =
          references.stores === 0
            ? ''
            : references.openStores === 0
              ? ' Its closed stores keep their history in it, and the current reports leave it out while none of its stores is open.' +
                ' To merge it with another region, move its stores there first (updateStore with a regionId).'
              : ' Move its stores to another region first (updateStore with a regionId); that is how two regions merge.';
        const managers =
          references.managers > 0
            ? ' Give its regional managers another region (updateEmployee with a managedRegionId).'
            : '';
        throw new ConflictError(
          `Region ${region.code} cannot be deleted: ${references.sentence}.${stores}${managers}${audienceAdvice(references.programs)}`,
        );
      }
      await manager.delete(RegionEntity, { id });
      await this.audit.record(manager, {
        actorId,
        action: 'REGION_DELETED',
        subjectType: 'Region',
        subjectId: id,
        before: { code: region.code, name: region.name },
      });
      return region;
    });
  }
}
