import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmployeeEntity, EmployeeLifecycle, type EmployeeLifecycleHook } from '@lp/organisation';
import { InviteService } from './invite.service';

/**
 * An invite link sets the password of whoever reads the address it went to. When HR
 * corrects or removes that address, the links sent there stop working, in the same
 * transaction: the old mailbox may be someone else's. Someone who leaves loses both their
 * links and their sessions (the token version is raised): on a later return an unexpired
 * link or token from before would otherwise work again. resendInvite sends a new link.
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
    const left = before.active && !after.active;
    if (before.email !== after.email || left) await this.invites.voidOpen(manager, after.id);
    if (left) await manager.increment(EmployeeEntity, { id: after.id }, 'tokenVersion', 1);
  }
}
