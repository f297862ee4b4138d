import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Lesson')
export class LessonObject {
  @Field(() => ID)
  id!: number;

  @Field(() => Int, { description: 'Order within the course version, from 1' })
  position!: number;

  @Field()
  title!: string;

  @Field({ description: 'Markdown' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to a video or document' })
  mediaUrl!: string | null;
}
