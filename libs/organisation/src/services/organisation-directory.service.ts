import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EmployeeEntity, JobRoleEntity, RegionEntity, StoreEntity } from '../entities';

/** Batched look-ups by id, for DataLoaders: one query per entity type per request. */
@Injectable()
export class OrganisationDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  regionsByIds(ids: readonly number[]): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).findBy({ id: In([...ids]) });
  }

  storesByIds(ids: readonly number[]): Promise<StoreEntity[]> {
    return this.dataSource.getRepository(StoreEntity).findBy({ id: In([...ids]) });
  }

  jobRolesByIds(ids: readonly number[]): Promise<JobRoleEntity[]> {
    return this.dataSource.getRepository(JobRoleEntity).findBy({ id: In([...ids]) });
  }

  employeesByIds(ids: readonly number[]): Promise<EmployeeEntity[]> {
    return this.dataSource.getRepository(EmployeeEntity).findBy({ id: In([...ids]) });
  }
}
