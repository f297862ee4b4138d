import { Field, InputType, PartialType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { CONTENT_LIMITS } from '@lp/learning';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';

@InputType()
export class LessonInput {
  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(CONTENT_LIMITS.titleLength)
  @SingleLine()
  title!: string;

  @Field({ description: `Markdown, at most ${CONTENT_LIMITS.lessonBodyLength} characters` })
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(CONTENT_LIMITS.lessonBodyLength, {
    message: `body is longer than ${CONTENT_LIMITS.lessonBodyLength} characters; split it into several lessons`,
  })
  body!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to a video or document; null removes it' })
  @IsOptional()
  @Trim()
  @MaxLength(CONTENT_LIMITS.mediaUrlLength)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'mediaUrl must be an http(s) web address' },
  )
  mediaUrl?: string | null;
}

/** Left-out fields keep their value; only mediaUrl may be null (removing it). */
@InputType()
export class UpdateLessonInput extends PartialType(LessonInput, { skipNullProperties: false }) {}
