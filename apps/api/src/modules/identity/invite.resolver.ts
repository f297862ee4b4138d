import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, ResendInviteService } from '@lp/identity';
import { Role } from '@lp/organisation';
import { ParseIdPipe } from '../../graphql/id';
import { CurrentActor } from './current-actor.decorator';
import { InviteSentObject } from './invite-sent.object';
import { Roles } from './roles.decorator';

@Resolver()
export class InviteResolver {
  constructor(private readonly invites: ResendInviteService) {}

  @Mutation(() => InviteSentObject, {
    description:
      'Emails a new invite link (to set a password) and voids earlier ones. HR and admins for anyone; ' +
      'managers for people of their stores or region with a lower access role. MAIL_NOT_SENT (extensions.reason ' +
      "says why) when the mail server does not take the email, or does not answer before the request's deadline: " +
      'nothing then changes, earlier links still work',
  })
  @Roles(Role.HR, Role.ADMIN, Role.REGIONAL_MANAGER, Role.STORE_MANAGER)
  resendInvite(
    @Args('employeeId', { type: () => ID }, new ParseIdPipe('employeeId')) employeeId: number,
    @CurrentActor() actor: Actor,
  ): Promise<InviteSentObject> {
    return this.invites.resend(actor, employeeId);
  }
}
