import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CourseObject } from '../learning/course.object';
import { LearningLoaders } from '../learning/learning.loaders';
import { CertificationCourseObject } from './certification.object';

@Resolver(() => CertificationCourseObject)
export class CertificationCourseResolver {
  constructor(private readonly learningLoaders: LearningLoaders) {}

  @ResolveField(() => CourseObject)
  course(@Parent() earned: CertificationCourseObject, @Context() context: GraphqlContext): Promise<CourseObject> {
    return this.learningLoaders.course(context).load(earned.courseId);
  }
}
