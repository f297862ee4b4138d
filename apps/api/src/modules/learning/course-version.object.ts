import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CourseVersionStatus } from './learning.enums';

@ObjectType('Quiz', { description: "How a course version's quiz is run" })
export class QuizObject {
  @Field(() => Int)
  passingScorePercent!: number;

  @Field(() => Int)
  maxAttempts!: number;

  @Field(() => Int, { nullable: true, description: 'Null: no time limit' })
  timeLimitMinutes!: number | null;

  @Field(() => Int, { description: 'Questions drawn from the bank for each attempt' })
  questionsPerAttempt!: number;

  @Field({ description: 'Shuffle the drawn questions and their options' })
  shuffle!: boolean;
}

@ObjectType('CourseVersion', { description: 'One edition of a course: its lessons, question bank and quiz' })
export class CourseVersionObject {
  @Field(() => ID)
  id!: number;

  @Field(() => Int, { description: '1, 2, … per course' })
  number!: number;

  @Field(() => CourseVersionStatus)
  status!: CourseVersionStatus;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => QuizObject)
  quiz!: QuizObject;

  courseId!: number;
}
