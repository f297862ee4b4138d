import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeeEntity } from '../entities';

/** Work to do once the transaction that made the change has committed (e.g. send an email). */
export type AfterCommit = () => Promise<void>;

/**
 * Lets other domains react to hires and changes inside the same transaction (identity
 * issues an invite; assignments apply audience rules) without organisation knowing them.
 */
export interface EmployeeLifecycleHook {
  onHired?(manager: EntityManager, employee: EmployeeEntity, actorId: number | null): Promise<AfterCommit | void>;
  onChanged?(
    manager: EntityManager,
    before: EmployeeEntity,
    after: EmployeeEntity,
    actorId: number | null,
  ): Promise<AfterCommit | void>;
}

@Injectable()
export class EmployeeLifecycle {
  private readonly hooks: EmployeeLifecycleHook[] = [];

  register(hook: EmployeeLifecycleHook): void {
    this.hooks.push(hook);
  }

  async hired(manager: EntityManager, employee: EmployeeEntity, actorId: number | null): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    for (const hook of this.hooks) {
      const action = await hook.onHired?.(manager, employee, actorId);
      if (action) after.push(action);
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
}
