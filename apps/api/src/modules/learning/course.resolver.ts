import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { CourseCatalog } from '@lp/learning';
import { Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { ParseIdPipe } from '../../graphql/id';
import { PaginationArgs, toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { RestrictedTo } from '../identity/restricted-to.decorator';
import { CourseVersionObject } from './course-version.object';
import { CourseConnection, CourseObject } from './course.object';
import { CourseFilterInput } from './dto/course.input';
import { LearningLoaders } from './learning.loaders';

/** Everyone signed in reads published courses; authors (ADMIN) also see unpublished ones and drafts. */
@Resolver(() => CourseObject)
export class CourseResolver {
  constructor(
    private readonly catalog: CourseCatalog,
    private readonly loaders: LearningLoaders,
  ) {}

  @Query(() => CourseConnection, { description: 'By title' })
  async courses(
    @Args('filter', { nullable: true }) filter: CourseFilterInput = {},
    @Args() pagination: PaginationArgs,
    @CurrentActor() actor: Actor,
  ): Promise<CourseConnection> {
    return toConnection(await this.catalog.list(filter, toPageRequest(pagination), actor.hasRole(Role.ADMIN)));
  }

  @Query(() => CourseObject, { nullable: true })
  course(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<CourseObject> {
    return this.catalog.get(id, actor.hasRole(Role.ADMIN));
  }

  @ResolveField(() => CourseVersionObject, {
    nullable: true,
    description: 'The published version learners take; null until the first publication',
  })
  async currentVersion(
    @Parent() course: CourseObject,
    @Context() context: GraphqlContext,
  ): Promise<CourseVersionObject | null> {
    return course.currentVersionId === null ? null : this.loaders.version(context).load(course.currentVersionId);
  }

  @ResolveField(() => CourseVersionObject, { nullable: true, description: 'ADMIN only: the version being edited' })
  async draftVersion(
    @Parent() course: CourseObject,
    @Context() context: GraphqlContext,
    @RestrictedTo(Role.ADMIN) _admin: Actor,
  ): Promise<CourseVersionObject | null> {
    return course.draftVersionId === null ? null : this.loaders.version(context).load(course.draftVersionId);
  }
}
