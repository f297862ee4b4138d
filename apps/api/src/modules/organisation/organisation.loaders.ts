import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  type AccessScope,
  type EmployeeChangeView,
  type EmployeeEntity,
  EmployeeHistoryService,
  type JobRoleEntity,
  OrganisationDirectory,
  type RegionEntity,
  type StoreEntity,
} from '@lp/organisation';
import { type GraphqlContext, perRequest } from '../../graphql/graphql-context';

function byId<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>) {
  return async (ids: readonly number[]): Promise<(T | Error)[]> => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? new Error(`${id} not found`));
  };
}

/** Per-request DataLoaders for the organisation's records, so nested fields cost one query per type. */
@Injectable()
export class OrganisationLoaders {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly history: EmployeeHistoryService,
  ) {}

  region(context: GraphqlContext): DataLoader<number, RegionEntity> {
    return perRequest(context, 'region', () => new DataLoader(byId((ids) => this.directory.regionsByIds(ids))));
  }

  store(context: GraphqlContext): DataLoader<number, StoreEntity> {
    return perRequest(context, 'store', () => new DataLoader(byId((ids) => this.directory.storesByIds(ids))));
  }

  jobRole(context: GraphqlContext): DataLoader<number, JobRoleEntity> {
    return perRequest(context, 'jobRole', () => new DataLoader(byId((ids) => this.directory.jobRolesByIds(ids))));
  }

  employee(context: GraphqlContext): DataLoader<number, EmployeeEntity> {
    return perRequest(context, 'employee', () => new DataLoader(byId((ids) => this.directory.employeesByIds(ids))));
  }

  /** The zone of each employee's store: the days their certificates print are in it. */
  timezoneOfEmployee(context: GraphqlContext): DataLoader<number, string> {
    return perRequest(
      context,
      'timezoneOfEmployee',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const zones = await this.directory.timezonesOfEmployees(ids);
          return ids.map((id) => zones.get(id) ?? new Error(`${id} not found`));
        }),
    );
  }

  /** Null for anyone outside the scope: the request's reader never learns who they are. */
  employeeInScope(context: GraphqlContext, scope: AccessScope): DataLoader<number, EmployeeEntity | null> {
    return perRequest(
      context,
      'employeeInScope',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const visible = new Map((await this.directory.employeesInScope(scope, ids)).map((e) => [e.id, e]));
          return ids.map((id) => visible.get(id) ?? null);
        }),
    );
  }

  changes(context: GraphqlContext): DataLoader<number, EmployeeChangeView[]> {
    return perRequest(
      context,
      'changes',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const history = await this.history.changesOf(ids);
          return ids.map((id) => history.get(id) ?? []);
        }),
    );
  }
}
