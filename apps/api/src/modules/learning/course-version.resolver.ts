import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { RestrictedTo } from '../identity/restricted-to.decorator';
import { CourseVersionObject } from './course-version.object';
import { LearningLoaders } from './learning.loaders';
import { LessonObject } from './lesson.object';
import { QuestionObject } from './question.object';

@Resolver(() => CourseVersionObject)
export class CourseVersionResolver {
  constructor(private readonly loaders: LearningLoaders) {}

  @ResolveField(() => [LessonObject], { description: 'In order' })
  lessons(@Parent() version: CourseVersionObject, @Context() context: GraphqlContext): Promise<LessonObject[]> {
    return this.loaders.lessonsOfVersion(context).load(version.id);
  }

  @ResolveField(() => [QuestionObject], {
    description: 'ADMIN only: the question bank with its answer key; learners see questions only in their attempts',
  })
  questions(
    @Parent() version: CourseVersionObject,
    @Context() context: GraphqlContext,
    @RestrictedTo(Role.ADMIN) _admin: Actor,
  ): Promise<QuestionObject[]> {
    return this.loaders.questionsOfVersion(context).load(version.id);
  }
}
