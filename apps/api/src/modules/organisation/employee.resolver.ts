import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { EmployeeService, HISTORY_LIMIT, Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { ParseIdPipe } from '../../graphql/id';
import { PaginationArgs, toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { EmployeeFilterInput } from './dto/employee-filter.input';
import { CreateEmployeeInput, UpdateEmployeeInput } from './dto/employee.input';
import { EmployeeChangeObject } from './employee-change.object';
import { EmployeeConnection, EmployeeObject } from './employee.object';
import { JobRoleObject } from './job-role.object';
import { OrganisationLoaders } from './organisation.loaders';
import { StoreObject } from './store.object';

@Resolver(() => EmployeeObject)
export class EmployeeResolver {
  constructor(
    private readonly employeeService: EmployeeService,
    private readonly loaders: OrganisationLoaders,
  ) {}

  @Query(() => EmployeeConnection, {
    description: 'People the caller may see, by last name, first name; an employee sees only themselves',
  })
  async employees(
    @Args('filter', { nullable: true }) filter: EmployeeFilterInput = {},
    @Args() pagination: PaginationArgs,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeConnection> {
    return toConnection(await this.employeeService.list(actor.scope, filter, toPageRequest(pagination)));
  }

  @Query(() => EmployeeObject, { nullable: true })
  employee(@Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number, @CurrentActor() actor: Actor) {
    return this.employeeService.get(actor.scope, id);
  }

  @Mutation(() => EmployeeObject, {
    description:
      'Hires someone; with an email, an invite to set a password is sent. The hire stands when the mail server ' +
      "does not take it, or does not answer before the request's deadline: invite.status is then NOT_SENT, " +
      'with the reason',
  })
  @Roles(Role.HR, Role.ADMIN)
  createEmployee(@Args('input') input: CreateEmployeeInput, @CurrentActor() actor: Actor): Promise<EmployeeObject> {
    return this.employeeService.hire(input, actor);
  }

  @Mutation(() => EmployeeObject, {
    description: 'Store transfer, job-role change, access-role change; history is kept',
  })
  @Roles(Role.HR, Role.ADMIN)
  updateEmployee(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @Args('input') input: UpdateEmployeeInput,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeObject> {
    return this.employeeService.update(actor.scope, id, input, actor);
  }

  @Mutation(() => EmployeeObject, {
    description: 'Someone leaves: their open assignments are cancelled; certificates and history stay',
  })
  @Roles(Role.HR, Role.ADMIN)
  deactivateEmployee(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeObject> {
    return this.employeeService.deactivate(actor.scope, id, actor);
  }

  @ResolveField(() => JobRoleObject)
  jobRole(@Parent() employee: EmployeeObject, @Context() context: GraphqlContext): Promise<JobRoleObject> {
    return this.loaders.jobRole(context).load(employee.jobRoleId);
  }

  @ResolveField(() => StoreObject)
  store(@Parent() employee: EmployeeObject, @Context() context: GraphqlContext): Promise<StoreObject> {
    return this.loaders.store(context).load(employee.storeId);
  }

  @ResolveField(() => [EmployeeChangeObject], {
    description: `Transfers, job-role and access-role changes and (de)activations, newest first (at most ${HISTORY_LIMIT})`,
  })
  history(@Parent() employee: EmployeeObject, @Context() context: GraphqlContext): Promise<EmployeeChangeObject[]> {
    return this.loaders.changes(context).load(employee.id);
  }
}
