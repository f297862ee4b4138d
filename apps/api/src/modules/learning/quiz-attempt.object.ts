import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { QuestionType } from './learning.enums';

/** An option as a learner sees it: never whether it is correct. */
@ObjectType('AttemptOption')
export class AttemptOptionObject {
  @Field(() => ID)
  id!: number;

  @Field()
  text!: string;
}

@ObjectType('AttemptQuestion', { description: 'A question drawn for an attempt, with its options in the order shown' })
export class AttemptQuestionObject {
  @Field(() => ID)
  id!: number;

  @Field(() => QuestionType)
  type!: QuestionType;

  @Field()
  prompt!: string;

  @Field(() => [AttemptOptionObject])
  options!: AttemptOptionObject[];
}

@ObjectType('QuizAttempt')
export class QuizAttemptObject {
  @Field(() => ID)
  id!: number;

  @Field(() => Int, { description: '1, 2, … within the assignment' })
  number!: number;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null when the quiz has no time limit' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Float, { nullable: true })
  scorePercent!: number | null;

  @Field(() => Boolean, { nullable: true })
  passed!: boolean | null;

  @Field(() => Int, { description: 'Attempts still available after this one' })
  attemptsRemaining!: number;

  @Field(() => [AttemptQuestionObject])
  questions!: AttemptQuestionObject[];

  courseVersionId!: number;
}
