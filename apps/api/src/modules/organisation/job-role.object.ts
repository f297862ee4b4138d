import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('JobRole')
export class JobRoleObject {
  id!: number;

  @Field({ description: 'Stable key, e.g. LP_OFFICER' })
  code!: string;

  @Field()
  name!: string;
}
