import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { QuestionType } from './learning.enums';

/** An option of the authoring bank. Learners never reach this type: they see AttemptOption. */
@ObjectType('QuestionOption')
export class QuestionOptionObject {
  @Field(() => ID)
  id!: number;

  @Field()
  text!: string;

  correct!: boolean;
}

/** A question of a version's bank, as authors see it (with the answer key and explanation). */
@ObjectType('Question')
export class QuestionObject {
  @Field(() => ID)
  id!: number;

  @Field(() => Int, { description: 'Order within the bank, from 1' })
  position!: number;

  @Field(() => QuestionType)
  type!: QuestionType;

  @Field()
  prompt!: string;

  @Field({ description: 'Shown to learners after they submit an attempt' })
  explanation!: string;
}
