import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { CONTENT_LIMITS } from '@lp/learning';
import { IdField, IdListField } from '../../../graphql/id';

@InputType()
export class QuizAnswerInput {
  @IdField()
  questionId!: number;

  @IdListField({ description: 'The chosen options: one for single choice and true/false' })
  @ArrayMaxSize(CONTENT_LIMITS.maxOptionsPerQuestion)
  optionIds!: number[];
}

@ArgsType()
export class SubmitQuizAttemptArgs {
  @IdField()
  attemptId!: number;

  @Field(() => [QuizAnswerInput], {
    description: 'Questions left out count as unanswered; an empty list submits the attempt with nothing answered',
  })
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.maxQuestionsPerAttempt)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerInput)
  answers!: QuizAnswerInput[];
}
