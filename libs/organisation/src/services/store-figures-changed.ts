import { Injectable, Logger } from '@nestjs/common';

/** Reacts, after commit, to a change in the compliance or assignment figures of some stores. */
export type StoreFiguresListener = (storeIds: number[]) => Promise<void>;

/**
 * Lets reporting keep its daily snapshots current when assignments are created or
 * cancelled and certifications granted or revoked, without those domains knowing it
 * (hires, transfers and completions go through EmployeeLifecycle and AssignmentCompletion).
 * Called after the transaction commits; a listener's failure is logged and never reaches
 * the user's request.
 */
@Injectable()
export class StoreFiguresChanged {
  private readonly logger = new Logger(StoreFiguresChanged.name);
  private readonly listeners: StoreFiguresListener[] = [];

  register(listener: StoreFiguresListener): void {
    this.listeners.push(listener);
  }

  async notify(storeIds: number[]): Promise<void> {
    const distinct = [...new Set(storeIds)];
    if (distinct.length === 0) return;
    for (const listener of this.listeners) {
      await listener(distinct).catch((error: unknown) =>
        this.logger.error({ err: error, storeIds: distinct }, 'Store figures listener failed'),
      );
    }
  }
}
