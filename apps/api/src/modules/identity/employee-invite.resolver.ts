import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { type Actor, InviteService, type InviteView, inviteRefusal } from '@lp/identity';
import { Role } from '@lp/organisation';
import { type GraphqlContext, perRequest } from '../../graphql/graphql-context';
import { EmployeeObject } from '../organisation/employee.object';
import { InviteObject } from './invite.object';
import { RestrictedTo } from './restricted-to.decorator';

@Resolver(() => EmployeeObject)
export class EmployeeInviteResolver {
  constructor(private readonly invites: InviteService) {}

  @ResolveField(() => InviteObject, {
    nullable: true,
    description:
      'Their latest invite link, null when none was made (an imported hire, no email); ' +
      'for those who may send one (resendInvite), null for a manager reading a peer’s or their own',
  })
  invite(
    @Parent() employee: EmployeeObject,
    @Context() context: GraphqlContext,
    @RestrictedTo(Role.HR, Role.ADMIN, Role.REGIONAL_MANAGER, Role.STORE_MANAGER) reader: Actor,
  ): Promise<InviteView | null> {
    // The link's state and a refused address are for whoever may send a new one.
    if (inviteRefusal(reader.role, employee.role)) return Promise.resolve(null);
    const loader = perRequest(
      context,
      'latestInvite',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const latest = await this.invites.latestOf(ids);
          return ids.map((id) => latest.get(id) ?? null);
        }),
    );
    return loader.load(employee.id);
  }
}
