import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { type Actor, InviteService, type InviteView } from '@lp/identity';
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
      'for those who may send one (resendInvite)',
  })
  invite(
    @Parent() employee: EmployeeObject,
    @Context() context: GraphqlContext,
    @RestrictedTo(Role.HR, Role.ADMIN, Role.REGIONAL_MANAGER, Role.STORE_MANAGER) _reader: Actor,
  ): Promise<InviteView | null> {
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
