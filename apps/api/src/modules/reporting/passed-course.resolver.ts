import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CourseObject } from '../learning/course.object';
import { LearningLoaders } from '../learning/learning.loaders';
import { PassedCourseObject } from './missing-employee.object';

@Resolver(() => PassedCourseObject)
export class PassedCourseResolver {
  constructor(private readonly learningLoaders: LearningLoaders) {}

  @ResolveField(() => CourseObject)
  course(@Parent() passed: PassedCourseObject, @Context() context: GraphqlContext): Promise<CourseObject> {
    return this.learningLoaders.course(context).load(passed.courseId);
  }
}
