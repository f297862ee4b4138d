import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditLogService } from '@lp/audit';
import type { Actor } from '@lp/identity';
import { Role, storeRestrictionOf } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { EmployeeObject } from '../organisation/employee.object';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { StoreObject } from '../organisation/store.object';
import { AuditEventConnection, AuditEventObject } from './audit-event.object';
import { AuditEventsArgs } from './dto/audit-events.args';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

@Resolver(() => AuditEventObject)
export class AuditEventResolver {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly loaders: OrganisationLoaders,
  ) {}

  @Query(() => AuditEventConnection, {
    description:
      'The audit trail, newest first. HR and admins see everything; managers the events of the stores they manage',
  })
  @Roles(Role.HR, Role.ADMIN, Role.REGIONAL_MANAGER, Role.STORE_MANAGER)
  async auditEvents(@Args() args: AuditEventsArgs, @CurrentActor() actor: Actor): Promise<AuditEventConnection> {
    const page = await this.auditLog.list(args.filter ?? {}, toPageRequest(args), storeRestrictionOf(actor.scope));
    return toConnection({
      ...page,
      items: page.items.map((event) => ({
        ...event,
        id: Number(event.id),
        before: json(event.before),
        after: json(event.after),
      })),
    });
  }

  @ResolveField(() => EmployeeObject, {
    nullable: true,
    description: 'Null for the system, or for someone outside what you may see',
  })
  async actor(
    @Parent() event: AuditEventObject,
    @Context() context: GraphqlContext,
    @CurrentActor() reader: Actor,
  ): Promise<EmployeeObject | null> {
    if (event.actorId === null) return null;
    return this.loaders.employeeInScope(context, reader.scope).load(event.actorId);
  }

  @ResolveField(() => StoreObject, {
    nullable: true,
    description: 'The store the subject belongs to, if any; null once that store is deleted',
  })
  async store(@Parent() event: AuditEventObject, @Context() context: GraphqlContext): Promise<StoreObject | null> {
    if (event.storeId === null) return null;
    const [store] = await this.loaders.store(context).loadMany([event.storeId]);
    return store instanceof Error ? null : store;
  }
}
