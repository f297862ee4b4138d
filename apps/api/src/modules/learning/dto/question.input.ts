import { Field, InputType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsNotEmpty, MaxLength, ValidateNested } from 'class-validator';
import { CONTENT_LIMITS } from '@lp/learning';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { QuestionType } from '../learning.enums';

@InputType()
export class OptionInput {
  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.optionTextLength)
  @SingleLine()
  text!: string;

  @Field()
  @IsBoolean()
  correct!: boolean;
}

@InputType({ description: 'A draft question may be incomplete; publishing checks the options and answers' })
export class QuestionInput {
  @Field(() => QuestionType)
  @IsEnum(QuestionType)
  type!: QuestionType;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.promptLength)
  prompt!: string;

  @Field({ description: 'Why the answer is right; shown to learners after they submit' })
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.explanationLength)
  explanation!: string;

  @Field(() => [OptionInput])
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.maxOptionsPerQuestion)
  @ValidateNested({ each: true })
  @Type(() => OptionInput)
  options!: OptionInput[];
}

@InputType({ description: 'Fields to change; options, when given, replace all the old ones' })
export class UpdateQuestionInput extends PartialType(QuestionInput, { skipNullProperties: false }) {}
