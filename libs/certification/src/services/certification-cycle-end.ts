import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Why a certification cycle stopped being the holder's valid one. */
export type CycleEndReason = 'RENEWED' | 'REVOKED';

/**
 * Lets other domains act when a certification cycle ends before its expiry — superseded
 * by a renewal or revoked — inside that transaction (notifications drop the expiry
 * reminders still pending about the old cycle).
 */
export interface CertificationCycleEndHook {
  onCycleEnded(manager: EntityManager, certificationId: number, reason: CycleEndReason): Promise<void>;
}

@Injectable()
export class CertificationCycleEnd {
  private readonly hooks: CertificationCycleEndHook[] = [];

  register(hook: CertificationCycleEndHook): void {
    this.hooks.push(hook);
  }

  async ended(manager: EntityManager, certificationId: number, reason: CycleEndReason): Promise<void> {
    for (const hook of this.hooks) await hook.onCycleEnded(manager, certificationId, reason);
  }
}
