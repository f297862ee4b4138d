import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AfterCommit } from '@lp/organisation';
import type { AssignmentEntity } from '../entities';

/**
 * Lets other domains act when an assignment is completed, inside the transaction that
 * completes it (certification issues a certificate when the last course of a programme is
 * passed): if a hook throws, the completion and the grade roll back with it.
 */
export interface AssignmentCompletionHook {
  /**
   * @param actorId who completed it; null for the system.
   * @param holderStoreId the learner's store, as the completion's caller read it in the transaction.
   */
  onCompleted(
    manager: EntityManager,
    assignment: AssignmentEntity,
    actorId: number | null,
    holderStoreId: number,
  ): Promise<AfterCommit | void>;
}

@Injectable()
export class AssignmentCompletion {
  private readonly hooks: AssignmentCompletionHook[] = [];

  register(hook: AssignmentCompletionHook): void {
    this.hooks.push(hook);
  }

  async completed(
    manager: EntityManager,
    assignment: AssignmentEntity,
    actorId: number | null,
    holderStoreId: number,
  ): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    for (const hook of this.hooks) {
      const action = await hook.onCompleted(manager, assignment, actorId, holderStoreId);
      if (action) after.push(action);
    }
    return after;
  }
}
