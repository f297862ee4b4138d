import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CertificationQueries } from '@lp/certification';
import { QuizResultObject } from '../learning/quiz-result.object';
import { CertificationObject } from './certification.object';

/** Adds to a quiz result the certification its passing issued or renewed, in the same transaction. */
@Resolver(() => QuizResultObject)
export class QuizResultCertificationResolver {
  constructor(private readonly queries: CertificationQueries) {}

  @ResolveField(() => CertificationObject, {
    nullable: true,
    description: 'The certification this pass earned, when it completed a programme',
  })
  certification(@Parent() result: QuizResultObject): Promise<CertificationObject | null> {
    return result.passed ? this.queries.earnedBy(result.assignment.id) : Promise.resolve(null);
  }
}
