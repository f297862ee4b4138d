import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EmployeeEntity, JobRoleEntity, RegionEntity, StoreEntity } from '../entities';
import { type AccessScope, restrictToScope } from '../scope/access-scope';
import { resolveTimezone } from '../timezone';

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

  /**
   * Each employee's store's time zone (UTC for a zone the runtime does not know), the zone
   * their certificates' days are in; employees that do not exist are left out.
   */
  async timezonesOfEmployees(ids: readonly number[]): Promise<Map<number, string>> {
    const rows = (await this.dataSource.query(
      'SELECT e.id, s.timezone FROM employees e JOIN stores s ON s.id = e.store_id WHERE e.id IN (?)',
      [[...ids]],
    )) as { id: number; timezone: string }[];
    return new Map(rows.map((row) => [row.id, resolveTimezone(row.timezone).timezone]));
  }

  /** Only those the scope covers: for fields naming a person (who made a change) that must not leak. */
  employeesInScope(scope: AccessScope, ids: readonly number[]): Promise<EmployeeEntity[]> {
    const query = this.dataSource
      .getRepository(EmployeeEntity)
      .createQueryBuilder('e')
      .where('e.id IN (:...ids)', { ids: [...ids] });
    return restrictToScope(query, scope, { storeColumn: 'e.store_id', employeeColumn: 'e.id' }).getMany();
  }
}
