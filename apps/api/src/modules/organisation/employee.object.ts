import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';
import { Role } from './role.enum';

@ObjectType('Employee')
export class EmployeeObject {
  @Field(() => ID)
  id!: number;

  @Field()
  employeeNumber!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => Role)
  role!: Role;

  @Field()
  active!: boolean;

  @Field({ description: 'ISO date (YYYY-MM-DD)' })
  hireDate!: string;

  jobRoleId!: number;
  storeId!: number;
}

@ObjectType()
export class EmployeeConnection extends ConnectionType(EmployeeObject, 'Employee') {}
