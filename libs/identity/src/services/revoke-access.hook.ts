import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmployeeEntity, EmployeeLifecycle, type EmployeeLifecycleHook } from '@lp/organisation';
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
    const emailChanged = before.email !== after.email;
    const left = before.active && !after.active;
    if (!emailChanged && !left) return;
    await this.invites.voidOpen(manager, after.id);
    await manager.update(
      EmployeeEntity,
      { id: after.id },
      { tokenVersion: () => 'token_version + 1', ...(emailChanged && { passwordHash: null }) },
    );
  }
}
