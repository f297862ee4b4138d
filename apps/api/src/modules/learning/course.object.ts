import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';

@ObjectType('Course', { description: 'A training module' })
export class CourseObject {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'Stable key, e.g. LP-BASICS' })
  code!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'e.g. BASICS, THEFT_PREVENTION, SURVEILLANCE, RISK_AUDIT, INTERNAL_THEFT, LAW_ENFORCEMENT' })
  category!: string;

  @Field(() => Int)
  estimatedMinutes!: number;

  currentVersionId!: number | null;
  draftVersionId!: number | null;
}

@ObjectType()
export class CourseConnection extends ConnectionType(CourseObject, 'Course') {}
