import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, type Page, type PageRequest, paginate } from '@lp/core';
import { type AccessScope, restrictToScope, scopeReadsStores } from '@lp/organisation';
import { type AssignmentStatus, presentedStatusCondition } from '../assignment-status';
import { AssignmentEntity } from '../entities';
import { type AssignmentView, viewOfAssignment } from '../services/assignment-view';

export interface AssignmentFilter {
  storeId?: number;
  employeeId?: number;
  courseId?: number;
  status?: AssignmentStatus;
}

/** Assignments of the people in the caller's scope; OVERDUE is open and past due, computed in SQL. */
@Injectable()
export class ListAssignments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(
    scope: AccessScope,
    filter: AssignmentFilter,
    page: PageRequest,
    direction: 'ASC' | 'DESC' = 'ASC',
  ): Promise<Page<AssignmentView>> {
    const now = this.clock.now();
    const query = this.dataSource.getRepository(AssignmentEntity).createQueryBuilder('a');
    // The holder's store is joined only when the scope or the filter needs it: for the whole
    // chain the join led MariaDB to sort every assignment (1,000,000) to return one page.
    if (scopeReadsStores(scope) || filter.storeId !== undefined) {
      query.innerJoin('employees', 'e', 'e.id = a.employee_id');
    }
    restrictToScope(query, scope, { storeColumn: 'e.store_id', employeeColumn: 'a.employee_id' });
    if (filter.storeId !== undefined) query.andWhere('e.store_id = :storeId', { storeId: filter.storeId });
    if (filter.employeeId !== undefined)
      query.andWhere('a.employee_id = :employeeId', { employeeId: filter.employeeId });
    if (filter.courseId !== undefined) query.andWhere('a.course_id = :courseId', { courseId: filter.courseId });
    if (filter.status !== undefined) query.andWhere(...presentedStatusCondition(filter.status, now));
    const result = await paginate(query, 'a.id', page, direction);
    return { ...result, items: result.items.map((a) => viewOfAssignment(a, now)) };
  }
}
