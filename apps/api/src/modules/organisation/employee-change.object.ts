import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EmployeeChangeKind } from '@lp/organisation';

registerEnumType(EmployeeChangeKind, {
  name: 'EmployeeChangeKind',
  description: 'What changed',
  valuesMap: {
    STORE: { description: 'A store transfer; from and to are store codes' },
    JOB_ROLE: { description: 'A job-role change; from and to are job-role codes' },
    ROLE: { description: 'An access-role change; from and to are roles' },
    ACTIVE: { description: 'Deactivation or reactivation; from and to are "true" or "false"' },
  },
});

@ObjectType('EmployeeChange')
export class EmployeeChangeObject {
  @Field(() => EmployeeChangeKind)
  kind!: EmployeeChangeKind;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;

  @Field()
  changedAt!: Date;

  changedById!: number | null;
}
