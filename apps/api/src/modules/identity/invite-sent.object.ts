import { Field, ObjectType } from '@nestjs/graphql';
import { EmployeeObject } from '../organisation/employee.object';

@ObjectType('InviteSent')
export class InviteSentObject {
  @Field(() => EmployeeObject)
  employee!: EmployeeObject;

  @Field({ description: 'The address the invite went to' })
  sentTo!: string;

  @Field({ description: 'The link works once, until then; earlier links no longer work' })
  expiresAt!: Date;
}
