import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CONTENT_LIMITS } from '@lp/learning';
import { Omittable } from '../../../graphql/omittable';

/** Left out: unchanged. Null is refused, except for timeLimitMinutes where it means "no limit". */
@InputType({ description: 'Settings to change; the others keep their value' })
export class QuizInput {
  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(100)
  passingScorePercent?: number;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(CONTENT_LIMITS.maxAttempts)
  maxAttempts?: number;

  @Field(() => Int, { nullable: true, description: 'Minutes; null removes the time limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CONTENT_LIMITS.maxTimeLimitMinutes)
  timeLimitMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(CONTENT_LIMITS.maxQuestionsPerAttempt)
  questionsPerAttempt?: number;

  @Field({ nullable: true })
  @Omittable()
  @IsBoolean()
  shuffle?: boolean;
}
