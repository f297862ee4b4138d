import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { JobRoleService, Role } from '@lp/organisation';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { CreateJobRoleInput } from './dto/create-job-role.input';
import { JobRoleObject } from './job-role.object';

@Resolver(() => JobRoleObject)
export class JobRoleResolver {
  constructor(private readonly jobRoleService: JobRoleService) {}

  @Query(() => [JobRoleObject])
  jobRoles(): Promise<JobRoleObject[]> {
    return this.jobRoleService.list();
  }

  @Mutation(() => JobRoleObject)
  @Roles(Role.HR, Role.ADMIN)
  createJobRole(@Args('input') input: CreateJobRoleInput, @CurrentActor() actor: Actor): Promise<JobRoleObject> {
    return this.jobRoleService.create(input, actor.id);
  }
}
