import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { AppConfig, BadInputError, ForbiddenError, MailService, NotFoundError } from '@lp/core';
import { EmployeeEntity, restrictToScope, Role, StoreEntity } from '@lp/organisation';
import type { Actor } from '../actor';
import { inviteEmail } from '../invite-email.template';
import { InviteService } from './invite.service';

/** Access roles by weight; managers invite only people below them. */
const RANK: Record<Role, number> = {
  [Role.EMPLOYEE]: 0,
  [Role.STORE_MANAGER]: 1,
  [Role.REGIONAL_MANAGER]: 2,
  [Role.HR]: 3,
  [Role.ADMIN]: 4,
};

export interface InviteSent {
  employee: EmployeeEntity;
  sentTo: string;
  expiresAt: Date;
}

/**
 * A new invite link for someone whose link expired, was lost, or who forgot their
 * password: earlier links stop working, the new one is emailed. HR and admins may do it
 * for anyone (only admins for admins); managers for the people of their stores or region
 * whose access role is below their own — an invite sets a password, so it is not for
 * their peers or superiors.
 */
@Injectable()
export class ResendInviteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: InviteService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly appConfig: AppConfig,
  ) {}

  async resend(actor: Actor, employeeId: number): Promise<InviteSent> {
    const sent = await this.dataSource.transaction(async (manager) => {
      const query = manager
        .createQueryBuilder(EmployeeEntity, 'e')
        .setLock('pessimistic_write')
        .where('e.id = :employeeId', { employeeId });
      const employee = await restrictToScope(query, actor.scope, { storeColumn: 'e.store_id' }).getOne();
      if (!employee) throw new NotFoundError('Employee', employeeId);
      this.assertMayInvite(actor, employee);
      if (!employee.active)
        throw new BadInputError('This employee is deactivated; reactivate them first', 'employeeId');
      if (!employee.email) throw new BadInputError('This employee has no email to send an invite to', 'employeeId');
      const { token, expiresAt } = await this.invites.issue(manager, employee.id);
      const { timezone } = await manager.findOneByOrFail(StoreEntity, { id: employee.storeId });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'INVITE_SENT',
        subjectType: 'Employee',
        subjectId: employee.id,
        storeId: employee.storeId,
        after: { email: employee.email, expiresAt: expiresAt.toISOString() },
      });
      return { employee, sentTo: employee.email, token, expiresAt, timezone };
    });
    // After the commit, so the link in the email works; a failure here is reported to the caller, who may retry.
    await this.mail.send(
      inviteEmail({
        to: sent.sentTo,
        firstName: sent.employee.firstName,
        appUrl: this.appConfig.APP_URL,
        token: sent.token,
        expiresAt: sent.expiresAt,
        timezone: sent.timezone,
      }),
    );
    return { employee: sent.employee, sentTo: sent.sentTo, expiresAt: sent.expiresAt };
  }

  private assertMayInvite(actor: Actor, employee: EmployeeEntity): void {
    if (actor.role === Role.ADMIN) return;
    if (employee.role === Role.ADMIN) throw new ForbiddenError('Only an admin may invite an admin');
    if (actor.role === Role.HR) return;
    if (RANK[employee.role] >= RANK[actor.role]) {
      throw new ForbiddenError('Managers may invite only people whose access role is below their own');
    }
  }
}
