import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  MailNotSentError,
  NotFoundError,
  retriedTransaction,
} from '@lp/core';
import { EmployeeEntity, restrictToScope, Role, StoreEntity } from '@lp/organisation';
import type { Actor } from '../actor';
import { InviteMailer } from './invite-mailer';
import { InviteService } from './invite.service';

/** Access roles by weight; managers invite only people below them. */
const RANK: Record<Role, number> = {
  [Role.EMPLOYEE]: 0,
  [Role.STORE_MANAGER]: 1,
  [Role.REGIONAL_MANAGER]: 2,
  [Role.HR]: 3,
  [Role.ADMIN]: 4,
};

/**
 * Why the actor may not invite this person, or null when they may: HR and admins may invite
 * anyone (only admins an admin); managers those whose access role is below their own — an
 * invite sets a password, so it is not for their peers or superiors.
 */
export function inviteRefusal(actorRole: Role, inviteeRole: Role): string | null {
  if (actorRole === Role.ADMIN) return null;
  if (inviteeRole === Role.ADMIN) return 'Only an admin may invite an admin';
  if (actorRole === Role.HR) return null;
  return RANK[inviteeRole] >= RANK[actorRole]
    ? 'Managers may invite only people whose access role is below their own'
    : null;
}

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
 *
 * The email goes first, and the link is stored only once the mail server has taken it:
 * when it does not (the address refused, the server down or silent), nothing changes —
 * the earlier links still work, no audit entry — and the caller is told why
 * (MAIL_NOT_SENT). The link is stored a moment after the server took it, long before
 * anyone can open the email.
 */
@Injectable()
export class ResendInviteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: InviteService,
    private readonly audit: AuditService,
    private readonly mailer: InviteMailer,
  ) {}

  async resend(actor: Actor, employeeId: number): Promise<InviteSent> {
    const employee = await this.invitee(this.dataSource.manager, actor, employeeId);
    const sentTo = employee.email;
    const { timezone } = await this.dataSource.manager.findOneByOrFail(StoreEntity, { id: employee.storeId });
    const link = this.invites.newLink();
    const notSent = await this.mailer.send({
      to: sentTo,
      firstName: employee.firstName,
      token: link.token,
      expiresAt: link.expiresAt,
      timezone,
    });
    if (notSent) throw new MailNotSentError(`The invite was not sent, and nothing changed: ${notSent}`, notSent);

    await retriedTransaction(this.dataSource, async (manager) => {
      const current = await this.invitee(manager, actor, employeeId, { lock: true });
      // A link to an address HR has just corrected must not work: that mailbox may be someone else's.
      if (current.email !== sentTo) {
        throw new ConflictError(
          "This employee's email changed while the invite was being sent, so its link does not work; send a new invite",
          { field: 'employeeId' },
        );
      }
      await this.invites.issue(manager, employeeId, link);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'INVITE_SENT',
        subjectType: 'Employee',
        subjectId: employeeId,
        storeId: current.storeId,
        after: { email: sentTo, expiresAt: link.expiresAt.toISOString() },
      });
    });
    return { employee, sentTo, expiresAt: link.expiresAt };
  }

  /** The employee to invite, once the actor may invite them and they can be (active, with an email). */
  private async invitee(
    manager: EntityManager,
    actor: Actor,
    employeeId: number,
    { lock = false } = {},
  ): Promise<EmployeeEntity & { email: string }> {
    const query = manager.createQueryBuilder(EmployeeEntity, 'e').where('e.id = :employeeId', { employeeId });
    if (lock) query.setLock('pessimistic_write');
    const employee = await restrictToScope(query, actor.scope, { storeColumn: 'e.store_id' }).getOne();
    if (!employee) throw new NotFoundError('Employee', employeeId);
    this.assertMayInvite(actor, employee);
    if (!employee.active) throw new BadInputError('This employee is deactivated; reactivate them first', 'employeeId');
    if (!employee.email) throw new BadInputError('This employee has no email to send an invite to', 'employeeId');
    return employee as EmployeeEntity & { email: string };
  }

  private assertMayInvite(actor: Actor, employee: EmployeeEntity): void {
    const refusal = inviteRefusal(actor.role, employee.role);
    if (refusal) throw new ForbiddenError(refusal);
  }
}
