import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { RestrictedTo } from '../identity/restricted-to.decorator';
import { LearningLoaders } from './learning.loaders';
import { QuestionObject, QuestionOptionObject } from './question.object';

@Resolver(() => QuestionObject)
export class QuestionResolver {
  constructor(private readonly loaders: LearningLoaders) {}

  @ResolveField(() => [QuestionOptionObject], { description: 'In authored order' })
  options(@Parent() question: QuestionObject, @Context() context: GraphqlContext): Promise<QuestionOptionObject[]> {
    return this.loaders.optionsOfQuestion(context).load(question.id);
  }
}

/** The answer key. Only reachable through ADMIN-only fields, and refused to anyone else here too. */
@Resolver(() => QuestionOptionObject)
export class QuestionOptionResolver {
  @ResolveField(() => Boolean, { description: 'ADMIN only' })
  correct(@Parent() option: QuestionOptionObject, @RestrictedTo(Role.ADMIN) _admin: Actor): boolean {
    return option.correct;
  }
}
