import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../graphql/pagination';
import { EmployeeObject } from '../organisation/employee.object';

@ObjectType('PassedCourse', { description: 'A course of a programme passed in a way that counts toward it' })
export class PassedCourseObject {
  @Field({ description: 'When its quiz was passed: the latest pass that counts' })
  completedAt!: Date;

  courseId!: number;
}

@ObjectType('MissingEmployeeEdge', { description: 'Someone missing a programme, with what they have done toward it' })
export class MissingEmployeeEdge {
  @Field()
  cursor!: string;

  @Field(() => EmployeeObject)
  node!: EmployeeObject;

  /** The programme they are missing, for coursesPassed. */
  programId!: number;
}

@ObjectType('MissingEmployeeConnection')
export class MissingEmployeeConnection {
  @Field(() => [MissingEmployeeEdge])
  edges!: MissingEmployeeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
