import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig, MailService } from '@lp/core';
import {
  type AfterCommit,
  type EmployeeEntity,
  EmployeeLifecycle,
  type EmployeeLifecycleHook,
  type HireContext,
  StoreEntity,
} from '@lp/organisation';
import { inviteEmail } from '../invite-email.template';
import { InviteService } from './invite.service';

/**
 * Everyone hired with an email gets an invite (unless the hire asks for none, as imports
 * do); the email goes out once the hire has committed.
 */
@Injectable()
export class InviteOnHireHook implements EmployeeLifecycleHook, OnModuleInit {
  constructor(
    private readonly lifecycle: EmployeeLifecycle,
    private readonly invites: InviteService,
    private readonly mail: MailService,
    private readonly appConfig: AppConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register(this);
  }

  async onHired(
    manager: EntityManager,
    employee: EmployeeEntity,
    _actorId: number | null,
    context: HireContext,
  ): Promise<AfterCommit | void> {
    if (!employee.email || !context.sendInvite) return;
    const email = employee.email;
    const { token, expiresAt } = await this.invites.issue(manager, employee.id);
    const { timezone } = await manager.findOneByOrFail(StoreEntity, { id: employee.storeId });
    return async () => {
      await this.mail.send(
        inviteEmail({
          to: email,
          firstName: employee.firstName,
          appUrl: this.appConfig.APP_URL,
          token,
          expiresAt,
          timezone,
        }),
      );
    };
  }
}
