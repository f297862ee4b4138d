import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '@lp/core';
import { type AccessScope, restrictToScope } from '@lp/organisation';
import { isOpen } from '../assignment-status';
import { AssignmentEntity } from '../entities';

/**
 * Locks an open assignment a manager or HR changes, for the rest of the transaction (the
 * row lock learners' progress and completion take too), with its holder's store. One
 * outside the caller's scope is NOT_FOUND, like one that does not exist; a completed or
 * cancelled one is CONFLICT.
 */
export async function lockManagedAssignment(
  manager: EntityManager,
  scope: AccessScope,
  id: number,
): Promise<{ assignment: AssignmentEntity; storeId: number }> {
  const query = manager
    .createQueryBuilder(AssignmentEntity, 'a')
    .setLock('pessimistic_write')
    .innerJoin('employees', 'e', 'e.id = a.employee_id')
    .where('a.id = :id', { id });
  const assignment = await restrictToScope(query, scope, { storeColumn: 'e.store_id' }).getOne();
  if (!assignment) throw new NotFoundError('Assignment', id);
  if (!isOpen(assignment.status))
    throw new ConflictError(`This assignment is already ${assignment.status.toLowerCase()}`);
  const [{ store_id: storeId }] = (await manager.query('SELECT store_id FROM employees WHERE id = ?', [
    assignment.employeeId,
  ])) as { store_id: number }[];
  return { assignment, storeId };
}
