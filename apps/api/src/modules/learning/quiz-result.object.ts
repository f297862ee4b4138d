import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AssignmentObject } from '../assignments/assignment.object';

@ObjectType('AnswerReview', {
  description: 'After submission: whether the learner was right, and why; never which options were correct',
})
export class AnswerReviewObject {
  @Field(() => ID)
  questionId!: number;

  @Field()
  prompt!: string;

  @Field(() => [ID], { description: 'Empty when the question was left unanswered' })
  selectedOptionIds!: number[];

  @Field()
  answeredCorrectly!: boolean;

  @Field()
  explanation!: string;
}

@ObjectType('QuizResult')
export class QuizResultObject {
  @Field(() => Float)
  scorePercent!: number;

  @Field()
  passed!: boolean;

  @Field(() => Int)
  correctCount!: number;

  @Field(() => Int)
  questionCount!: number;

  @Field(() => Int)
  attemptsRemaining!: number;

  @Field(() => AssignmentObject, { description: 'The assignment after grading: COMPLETED when passed' })
  assignment!: AssignmentObject;

  @Field(() => [AnswerReviewObject])
  review!: AnswerReviewObject[];
}
