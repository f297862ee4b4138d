import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ChangedEmployee,
  type EmployeeEntity,
  EmployeeLifecycle,
  type EmployeeLifecycleHook,
  type StoreMove,
} from '@lp/organisation';
import { NotificationPlanner } from './notification-planner.service';

/**
 * Keeps what is pending for someone who moves to another store in the office hours of the
 * new one, in the transaction that moves them (an edit, a CSV import, or their store's move
 * to another time zone): planned in their old store's, a reminder would reach them at 3 am
 * after a move across time zones. What the emails say is read when they are sent, so it
 * follows the move by itself.
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
    await this.onChangedMany(manager, [{ before, after }]);
  }

  /** A store moved to another time zone: its people's reminders go out in the new zone's office hours. */
  async onStoreMoved(manager: EntityManager, move: StoreMove): Promise<void> {
    if (move.timezoneChanged) await this.planner.retimeFor(manager, move.employeeIds);
  }

  async onChangedMany(manager: EntityManager, changes: ChangedEmployee[]): Promise<void> {
    const moved = changes.filter(({ before, after }) => before.storeId !== after.storeId);
    if (moved.length > 0)
      await this.planner.retimeFor(
        manager,
        moved.map(({ after }) => after.id),
      );
  }
}
