import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';

@ObjectType('AuditEvent', { description: 'Who did what to whom, when, with the subject before and after' })
export class AuditEventObject {
  @Field(() => ID)
  id!: number;

  @Field()
  occurredAt!: Date;

  @Field({ description: 'Verb-noun, e.g. EMPLOYEE_UPDATED, EMPLOYEES_IMPORTED' })
  action!: string;

  @Field({ description: 'e.g. Employee, Store, Region, JobRole, EmployeeImport' })
  subjectType!: string;

  @Field()
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'The subject before the change, as JSON' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The subject after the change, as JSON' })
  after!: string | null;

  actorId!: number | null;
  storeId!: number | null;
}

@ObjectType()
export class AuditEventConnection extends ConnectionType(AuditEventObject, 'AuditEvent') {}
