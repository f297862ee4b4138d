import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Region')
export class RegionObject {
  @Field(() => ID)
  id!: number;

  @Field()
  code!: string;

  @Field()
  name!: string;
}
