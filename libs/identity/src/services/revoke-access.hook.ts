import { Injectable, OnModuleInit } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { chunks } from '@lp/core';
import { type ChangedEmployee, EmployeeEntity, EmployeeLifecycle, type EmployeeLifecycleHook } from '@lp/organisation';
import { InviteService } from './invite.service';

/**
 * An invite link sets the password of whoever reads the address it went to. When HR
 * corrects or removes that address, the links sent there stop working, in the same
 * transaction: the old mailbox may be someone else's. So may the password chosen from it
 * and the sessions signed in with it: both end too (the token version is raised), and the
 * person sets a new password from an invite to the new address (resendInvite). Someone who
 * leaves loses their links and their sessions: on a later return an unexpired link or
 * token from before would otherwise work again.
 */
@Injectable()
export class RevokeAccessHook implements EmployeeLifecycleHook, OnModuleInit {
  constructor(
    private readonly lifecycle: EmployeeLifecycle,
    private readonly invites: InviteService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register(this);
  }

  async onChanged(manager: EntityManager, before: EmployeeEntity, after: EmployeeEntity): Promise<void> {
    await this.onChangedMany(manager, [{ before, after }]);
  }

  async onChangedMany(manager: EntityManager, changes: ChangedEmployee[]): Promise<void> {
    for (const chunk of chunks(changes)) await this.revoke(manager, chunk);
  }

  private async revoke(manager: EntityManager, changes: ChangedEmployee[]): Promise<void> {
    const newAddress = changes.filter(({ before, after }) => before.email !== after.email).map(({ after }) => after.id);
    const leavers = changes
      .filter(({ before, after }) => before.email === after.email && before.active && !after.active)
      .map(({ after }) => after.id);
    if (newAddress.length + leavers.length === 0) return;
    await this.invites.voidOpen(manager, [...newAddress, ...leavers]);
    if (newAddress.length > 0) {
      await manager.update(
        EmployeeEntity,
        { id: In(newAddress) },
        { tokenVersion: () => 'token_version + 1', passwordHash: null },
      );
    }
    if (leavers.length > 0) {
      await manager.update(EmployeeEntity, { id: In(leavers) }, { tokenVersion: () => 'token_version + 1' });
    }
  }
}
