import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EmployeeEntity, EmployeeLifecycle, type EmployeeLifecycleHook } from '@lp/organisation';
import { NotificationPlanner } from './notification-planner.service';

/**
 * Keeps what is pending for someone who moves to another store in the office hours of the
 * new one, in the transaction that moves them (an edit or a CSV import): planned in their
 * old store's, a reminder would reach them at 3 am after a move across time zones. What
 * the emails say is read when they are sent, so it follows the move by itself.
 */
@Injectable()
export class RecipientTransfers implements OnModuleInit, EmployeeLifecycleHook {
  constructor(
    private readonly lifecycle: EmployeeLifecycle,
    private readonly planner: NotificationPlanner,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register(this);
  }

  async onChanged(manager: EntityManager, before: EmployeeEntity, after: EmployeeEntity): Promise<void> {
    if (before.storeId !== after.storeId) await this.planner.retimeFor(manager, after.id);
  }
}
