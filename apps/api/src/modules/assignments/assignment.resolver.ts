import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { LearnerAssignments } from '@lp/learning';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CurrentActor } from '../identity/current-actor.decorator';
import { CourseVersionObject } from '../learning/course-version.object';
import { CourseObject } from '../learning/course.object';
import { LearningLoaders } from '../learning/learning.loaders';
import { AssignmentStatus } from './assignment.enums';
import { AssignmentObject } from './assignment.object';

@Resolver(() => AssignmentObject)
export class AssignmentResolver {
  constructor(
    private readonly learnerAssignments: LearnerAssignments,
    private readonly loaders: LearningLoaders,
  ) {}

  @Query(() => [AssignmentObject], { description: "The signed-in employee's assignments, soonest due first" })
  async myAssignments(
    @Args('status', { type: () => AssignmentStatus, nullable: true }) status: AssignmentStatus | undefined,
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<AssignmentObject[]> {
    const mine = await this.learnerAssignments.ofEmployee(actor.id, status ?? undefined);
    // Courses and progress came with them: `course` and `progressPercent` need no query of their own.
    const courses = this.loaders.course(context);
    const percents = this.loaders.progressPercent(context);
    for (const { assignment, course, percent } of mine) {
      courses.prime(course.id, course);
      percents.prime(assignment.id, percent);
    }
    return mine.map(({ assignment }) => assignment);
  }

  @ResolveField(() => CourseObject)
  course(@Parent() assignment: AssignmentObject, @Context() context: GraphqlContext): Promise<CourseObject> {
    return this.loaders.course(context).load(assignment.courseId);
  }

  @ResolveField(() => Int, { description: '0-100; all lessons done without the quiz is below 100' })
  progressPercent(@Parent() assignment: AssignmentObject, @Context() context: GraphqlContext): Promise<number> {
    return this.loaders.progressPercent(context).load(assignment.id);
  }

  @ResolveField(() => [ID])
  async completedLessonIds(
    @Parent() assignment: AssignmentObject,
    @Context() context: GraphqlContext,
  ): Promise<number[]> {
    return (await this.loaders.progress(context).load(assignment.id)).completedLessonIds;
  }

  @ResolveField(() => CourseVersionObject, {
    nullable: true,
    description:
      "The version being taken: fixed by the first completed lesson, until then the course's current one " +
      '(null if the course was never published)',
  })
  async courseVersion(
    @Parent() assignment: AssignmentObject,
    @Context() context: GraphqlContext,
  ): Promise<CourseVersionObject | null> {
    const versionId =
      assignment.courseVersionId ?? (await this.loaders.course(context).load(assignment.courseId)).currentVersionId;
    return versionId === null ? null : this.loaders.version(context).load(versionId);
  }
}
