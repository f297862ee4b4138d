import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeeEntity } from '../entities';

/** Work to do once the transaction that made the change has committed (e.g. send an email). */
export type AfterCommit = () => Promise<void>;

/** How someone was hired, for hooks whose work depends on it. */
export interface HireContext {
  /**
   * Whether the new hire gets an invite email. False for CSV imports: a file of thousands
   * of people is a bulk load, not an onboarding moment; `resendInvite` invites one person.
   */
  sendInvite: boolean;
}

/** One employee as a change found them and as it left them. */
export interface ChangedEmployee {
  before: EmployeeEntity;
  after: EmployeeEntity;
}

/** A store moved to another region or time zone (updateStore), with the people who work there. */
export interface StoreMove {
  storeId: number;
  /** Its active employees. */
  employeeIds: number[];
  regionChanged: boolean;
  timezoneChanged: boolean;
}

/**
 * Lets other domains react to hires and changes inside the same transaction (identity
 * issues an invite; assignments apply audience rules) without organisation knowing them.
 */
export interface EmployeeLifecycleHook {
  onHired?(
    manager: EntityManager,
    employee: EmployeeEntity,
    actorId: number | null,
    context: HireContext,
  ): Promise<AfterCommit | void>;
  /**
   * Many hires of one transaction (a CSV import) at once, with a constant number of
   * statements; must leave exactly what onHired for each of them would. Hooks without it
   * get onHired once per employee.
   */
  onHiredMany?(
    manager: EntityManager,
    employees: EmployeeEntity[],
    actorId: number | null,
    context: HireContext,
  ): Promise<AfterCommit | void>;
  onChanged?(
    manager: EntityManager,
    before: EmployeeEntity,
    after: EmployeeEntity,
    actorId: number | null,
  ): Promise<AfterCommit | void>;
  /**
   * Many changes of one transaction (a CSV import) at once, in a few statements; must leave
   * exactly what onChanged for each of them would. Hooks without it get onChanged once per
   * employee.
   */
  onChangedMany?(
    manager: EntityManager,
    changes: ChangedEmployee[],
    actorId: number | null,
  ): Promise<AfterCommit | void>;
  /**
   * The store of these employees moved to another region or time zone: for each hook, the
   * same as their moving to a store there, though their own store stays the same.
   */
  onStoreMoved?(manager: EntityManager, move: StoreMove, actorId: number | null): Promise<AfterCommit | void>;
}

@Injectable()
export class EmployeeLifecycle {
  private readonly logger = new Logger(EmployeeLifecycle.name);
  private readonly hooks: EmployeeLifecycleHook[] = [];

  register(hook: EmployeeLifecycleHook): void {
    this.hooks.push(hook);
  }

  async hired(
    manager: EntityManager,
    employee: EmployeeEntity,
    actorId: number | null,
    context: HireContext = { sendInvite: true },
  ): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    for (const hook of this.hooks) {
      const action = await hook.onHired?.(manager, employee, actorId, context);
      if (action) after.push(action);
    }
    return after;
  }

  /** The same as `hired` for each employee, in bulk where a hook can (onHiredMany). */
  async hiredMany(
    manager: EntityManager,
    employees: EmployeeEntity[],
    actorId: number | null,
    context: HireContext,
  ): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    if (employees.length === 0) return after;
    for (const hook of this.hooks) {
      if (hook.onHiredMany) {
        const action = await hook.onHiredMany(manager, employees, actorId, context);
        if (action) after.push(action);
        continue;
      }
      for (const employee of employees) {
        const action = await hook.onHired?.(manager, employee, actorId, context);
        if (action) after.push(action);
      }
    }
    return after;
  }

  async changed(
    manager: EntityManager,
    before: EmployeeEntity,
    current: EmployeeEntity,
    actorId: number | null,
  ): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    for (const hook of this.hooks) {
      const action = await hook.onChanged?.(manager, before, current, actorId);
      if (action) after.push(action);
    }
    return after;
  }

  /** The same as `changed` for each employee, in bulk where a hook can (onChangedMany). */
  async changedMany(
    manager: EntityManager,
    changes: ChangedEmployee[],
    actorId: number | null,
  ): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    if (changes.length === 0) return after;
    for (const hook of this.hooks) {
      if (hook.onChangedMany) {
        const action = await hook.onChangedMany(manager, changes, actorId);
        if (action) after.push(action);
        continue;
      }
      for (const change of changes) {
        const action = await hook.onChanged?.(manager, change.before, change.after, actorId);
        if (action) after.push(action);
      }
    }
    return after;
  }

  async storeMoved(manager: EntityManager, move: StoreMove, actorId: number | null): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    if (move.employeeIds.length === 0) return after;
    for (const hook of this.hooks) {
      const action = await hook.onStoreMoved?.(manager, move, actorId);
      if (action) after.push(action);
    }
    return after;
  }

  /** Runs the after-commit work; a failure is logged, never undoes the committed change. */
  async runAfterCommit(actions: AfterCommit[]): Promise<void> {
    for (const action of actions) {
      await action().catch((error: unknown) => this.logger.error({ err: error }, 'After-commit action failed'));
    }
  }
}
