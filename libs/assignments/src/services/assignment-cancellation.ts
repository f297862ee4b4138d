import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Lets other domains act when an assignment is cancelled, inside the cancelling
 * transaction (notifications drop the reminders still pending about it).
 */
export interface AssignmentCancellationHook {
  onCancelled(manager: EntityManager, assignmentId: number): Promise<void>;
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
}
