import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CurrentActor } from '../identity/current-actor.decorator';
import { EmployeeChangeObject } from './employee-change.object';
import { EmployeeObject } from './employee.object';
import { OrganisationLoaders } from './organisation.loaders';

@Resolver(() => EmployeeChangeObject)
export class EmployeeChangeResolver {
  constructor(private readonly loaders: OrganisationLoaders) {}

  @ResolveField(() => EmployeeObject, {
    nullable: true,
    description: 'Who made the change; null for the system, or for someone outside what you may see',
  })
  async changedBy(
    @Parent() change: EmployeeChangeObject,
    @Context() context: GraphqlContext,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeObject | null> {
    if (change.changedById === null) return null;
    return this.loaders.employeeInScope(context, actor.scope).load(change.changedById);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the system (an operator command) made the change rather than a person; changedBy is null then, and also for a person outside what you may see',
  })
  bySystem(@Parent() change: EmployeeChangeObject): boolean {
    return change.changedById === null;
  }
}
