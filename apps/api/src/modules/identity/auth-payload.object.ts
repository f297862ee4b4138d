import { Field, ObjectType } from '@nestjs/graphql';
import { EmployeeObject } from '../organisation/employee.object';

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>"' })
  accessToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => EmployeeObject)
  user!: EmployeeObject;
}
