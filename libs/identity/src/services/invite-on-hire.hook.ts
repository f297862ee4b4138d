import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  type AfterCommit,
  type EmployeeEntity,
  EmployeeLifecycle,
  type EmployeeLifecycleHook,
  type HireContext,
  StoreEntity,
} from '@lp/organisation';
import { InviteMailer } from './invite-mailer';
import { InviteService } from './invite.service';

/**
 * Everyone hired with an email gets an invite (unless the hire asks for none, as imports
 * do); the email goes out once the hire has committed. A hire stands when the mail server
 * does not take its invite: the invite records why (the person's record shows it, and the
 * audit log says INVITE_NOT_SENT), and HR sends a new one with resendInvite.
 */
@Injectable()
export class InviteOnHireHook implements EmployeeLifecycleHook, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly invites: InviteService,
    private readonly mailer: InviteMailer,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register(this);
  }

  async onHired(
    manager: EntityManager,
    employee: EmployeeEntity,
    actorId: number | null,
    context: HireContext,
  ): Promise<AfterCommit | void> {
    if (!employee.email || !context.sendInvite) return;
    const email = employee.email;
    const invite = await this.invites.issue(manager, employee.id);
    const { timezone } = await manager.findOneByOrFail(StoreEntity, { id: employee.storeId });
    return async () => {
      const notSent = await this.mailer.send({
        to: email,
        firstName: employee.firstName,
        token: invite.token,
        expiresAt: invite.expiresAt,
        timezone,
      });
      await this.dataSource.transaction(async (afterHire) => {
        if (notSent) await this.invites.markNotSent(afterHire, invite.id, notSent);
        await this.audit.record(afterHire, {
          actorId,
          action: notSent ? 'INVITE_NOT_SENT' : 'INVITE_SENT',
          subjectType: 'Employee',
          subjectId: employee.id,
          storeId: employee.storeId,
          after: {
            email,
            expiresAt: invite.expiresAt.toISOString(),
            ...(notSent && { reason: notSent }),
          },
        });
      });
    };
  }
}
