import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';
import { AssignmentObject } from './assignment.object';

@ObjectType('AssignmentResult')
export class AssignmentResultObject {
  @Field(() => Int, { description: 'New assignments' })
  created!: number;

  @Field(() => Int, { description: 'People who already had this course open' })
  skipped!: number;
}

@ObjectType()
export class AssignmentConnection extends ConnectionType(AssignmentObject, 'Assignment') {}
