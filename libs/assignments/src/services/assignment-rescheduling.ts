import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Lets other domains act when an open assignment's due date moves, inside the transaction
 * that moved it (notifications withdraw the reminders planned for the old date).
 */
export interface AssignmentReschedulingHook {
  onRescheduled(manager: EntityManager, assignmentId: number, from: Date, to: Date): Promise<void>;
}

@Injectable()
export class AssignmentRescheduling {
  private readonly hooks: AssignmentReschedulingHook[] = [];

  register(hook: AssignmentReschedulingHook): void {
    this.hooks.push(hook);
  }

  async rescheduled(manager: EntityManager, assignmentId: number, from: Date, to: Date): Promise<void> {
    for (const hook of this.hooks) await hook.onRescheduled(manager, assignmentId, from, to);
  }
}
