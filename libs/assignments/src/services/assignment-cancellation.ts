import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Lets other domains act when an assignment is cancelled, inside the cancelling
 * transaction (notifications drop the reminders still pending about it).
 */
export interface AssignmentCancellationHook {
  onCancelled(manager: EntityManager, assignmentId: number): Promise<void>;
  /**
   * Many cancellations of one transaction (an import's moves) at once, in a few statements;
   * must do what onCancelled for each of them would. Hooks without it get onCancelled once
   * per assignment.
   */
  onCancelledMany?(manager: EntityManager, assignmentIds: number[]): Promise<void>;
}

@Injectable()
export class AssignmentCancellation {
  private readonly hooks: AssignmentCancellationHook[] = [];

  register(hook: AssignmentCancellationHook): void {
    this.hooks.push(hook);
  }

  async cancelled(manager: EntityManager, assignmentId: number): Promise<void> {
    for (const hook of this.hooks) await hook.onCancelled(manager, assignmentId);
  }

  /** The same as `cancelled` for each assignment, in bulk where a hook can (onCancelledMany). */
  async cancelledMany(manager: EntityManager, assignmentIds: number[]): Promise<void> {
    if (assignmentIds.length === 0) return;
    for (const hook of this.hooks) {
      if (hook.onCancelledMany) await hook.onCancelledMany(manager, assignmentIds);
      else for (const id of assignmentIds) await hook.onCancelled(manager, id);
    }
  }
}
