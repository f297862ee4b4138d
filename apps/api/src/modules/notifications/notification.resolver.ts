import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { NotificationQueries, NotificationStatus as StoredStatus } from '@lp/notifications';
import { Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { PaginationArgs, toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { EmployeeObject } from '../organisation/employee.object';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { NotificationFilterInput } from './dto/notification-filter.input';
import { NotificationConnection, NotificationObject, toNotificationObject } from './notification.object';

@Resolver(() => NotificationObject)
export class NotificationResolver {
  constructor(
    private readonly queries: NotificationQueries,
    private readonly loaders: OrganisationLoaders,
  ) {}

  @Query(() => NotificationConnection, { description: 'Planned, sent, failed and cancelled emails, newest last' })
  @Roles(Role.HR, Role.ADMIN)
  async notifications(
    @Args('filter', { nullable: true }) filter: NotificationFilterInput = {},
    @Args() pagination: PaginationArgs,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationConnection> {
    const page = await this.queries.list(
      actor.scope,
      { employeeId: filter.employeeId, kind: filter.kind, status: filter.status && StoredStatus[filter.status] },
      toPageRequest(pagination),
    );
    return toConnection({ ...page, items: page.items.map(toNotificationObject) });
  }

  @ResolveField(() => EmployeeObject, { nullable: true })
  recipient(@Parent() notification: NotificationObject, @Context() context: GraphqlContext): Promise<EmployeeObject> {
    return this.loaders.employee(context).load(notification.recipientId);
  }
}
